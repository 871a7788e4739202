using System.Buffers;
using Ari.Testing;

namespace Ari.Wire.Tests;

public class TruncationTests
{
    private static readonly RecordingBuilder Sample = Samples.MultiThread();

    [Fact]
    public void A_cut_at_every_offset_yields_the_whole_records_before_it_and_says_where_it_stopped()
    {
        byte[] data = Sample.ToArray();
        for (int cut = 0; cut <= data.Length; cut++)
        {
            var (records, truncation, decoder) = Decode.All(new ReadOnlySequence<byte>(data, 0, cut));

            Assert.Equal(Decode.InReleaseOrder(Sample.RecordsBefore(cut)), records);
            long lastWhole = LastBoundaryAtOrBefore(cut);
            Truncation? expected = cut == lastWhole && cut >= WireFormat.HeaderLength ? null : new Truncation(lastWhole, cut - lastWhole);
            Assert.Equal(expected, truncation);
            Assert.Equal(lastWhole, decoder.BytesConsumed);
            Assert.Equal(cut == data.Length, decoder.StreamEndSeen);
        }
    }

    [Fact]
    public void A_cut_file_read_through_a_record_source_yields_the_records_before_the_cut_in_order()
    {
        byte[] data = Sample.ToArray();
        for (int cut = 0; cut <= data.Length; cut++)
        {
            using var source = new RecordSource(new MemoryStream(data, 0, cut));
            List<WireRecord> records = DecodedRecords.Of(source);

            Assert.Equal(Decode.InReleaseOrder(Sample.RecordsBefore(cut)), records);
            var sequences = records.OfType<CallbackRecord>().Select(r => r.Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
            long lastWhole = LastBoundaryAtOrBefore(cut);
            Truncation? expectedTruncation = cut == lastWhole && cut >= WireFormat.HeaderLength ? null : new Truncation(lastWhole, cut - lastWhole);
            Assert.Equal(expectedTruncation, source.Truncation);
            Assert.Equal(lastWhole, source.BytesConsumed);
            Assert.Equal(cut == data.Length, source.StreamEndSeen);
        }
    }

    [Fact]
    public void An_empty_input_is_a_truncation_at_zero()
    {
        var (records, truncation, decoder) = Decode.All([]);

        Assert.Empty(records);
        Assert.Equal(new Truncation(0, 0), truncation);
        Assert.False(decoder.HeaderRead);
    }

    [Fact]
    public void A_frame_of_exactly_16_MiB_is_awaited_rather_than_refused()
    {
        byte[] data = [.. "ARITAP"u8, 1, 0, 0x80, 0x80, 0x80, 0x08, 0x7F];

        var (records, truncation, _) = Decode.All(data);

        Assert.Empty(records);
        Assert.Equal(new Truncation(8, 5), truncation);
    }

    private static long LastBoundaryAtOrBefore(long cut)
    {
        long last = 0;
        foreach (long boundary in Sample.Boundaries)
        {
            if (boundary <= cut)
            {
                last = boundary;
            }
        }

        return last;
    }
}
