using System.Buffers;
using Ari.Testing;

namespace Ari.Wire.Tests;

public class SplitTests
{
    private static readonly byte[] Data = WithLongFrame(Samples.MultiThread()).ToArray();
    private static readonly List<WireRecord> Reference = Decode.All(Data).Records;

    /// <summary>Adds a frame longer than 127 bytes, so the length varint itself can be split.</summary>
    private static RecordingBuilder WithLongFrame(RecordingBuilder b) =>
        b.Add(new ThreadInfo(0, 9, 1, new string('w', 300)));

    [Fact]
    public void The_reference_decode_is_complete()
    {
        Assert.Equal(Samples.MultiThread().Records.Count + 1, Reference.Count);
    }

    [Fact]
    public void Two_segments_split_at_every_position_decode_identically()
    {
        for (int split = 0; split <= Data.Length; split++)
        {
            var (records, truncation, _) = Decode.All(Segments.Split(Data, split));

            Assert.Equal(Reference, records);
            Assert.Null(truncation);
        }
    }

    [Fact]
    public void One_byte_segments_decode_identically()
    {
        var (records, truncation, _) = Decode.All(Segments.OneByteEach(Data));

        Assert.Equal(Reference, records);
        Assert.Null(truncation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Bytes_arriving_in_chunks_decode_identically_when_the_caller_keeps_the_tail(int chunk)
    {
        var (records, truncation) = Decode.InChunks(Data, chunk);

        Assert.Equal(Reference, records);
        Assert.Null(truncation);
    }

    [Fact]
    public void Resuming_after_every_possible_first_read_decodes_identically()
    {
        for (int first = 0; first <= Data.Length; first++)
        {
            var decoder = new WireDecoder();
            var merger = new SequenceMerger();
            var buffer = new ReadOnlySequence<byte>(Data, 0, first);
            decoder.ReadInto(ref buffer, merger);

            int consumed = (int)decoder.BytesConsumed;
            buffer = Segments.Split(Data[consumed..], first - consumed);
            decoder.ReadInto(ref buffer, merger);
            List<WireRecord> records = Decode.Released(merger);

            Assert.Equal(Reference, records);
            Assert.Null(decoder.Complete(buffer.Length));
        }
    }
}
