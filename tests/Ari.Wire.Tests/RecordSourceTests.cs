using Ari.Testing;

namespace Ari.Wire.Tests;

public class RecordSourceTests
{
    [Fact]
    public void Reading_a_trickling_stream_matches_reading_a_file()
    {
        byte[] data = Samples.MultiThread().ToArray();
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, data);
            List<WireRecord> fromFile;
            using (RecordSource file = RecordSource.OpenFile(path))
            {
                fromFile = DecodedRecords.Of(file);
                Assert.True(file.StreamEndSeen);
                Assert.Null(file.Truncation);
                Assert.Equal(data.Length, file.BytesConsumed);
            }

            using var trickle = new RecordSource(new TrickleStream(data, 3));
            int idle = 0;
            trickle.Idle += () => idle++;
            List<WireRecord> fromTrickle = DecodedRecords.Of(trickle);

            Assert.Equal(fromFile, fromTrickle);
            Assert.Equal(Samples.MultiThread().Records.Count, fromFile.Count);
            Assert.True(trickle.StreamEndSeen);
            Assert.Null(trickle.Truncation);
            Assert.True(idle > 0, "a reader that caught up with a slow stream said so");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_cut_stream_read_in_pieces_reports_its_truncation()
    {
        byte[] data = Samples.MultiThread().ToArray();
        using var source = new RecordSource(new TrickleStream(data[..^2], 5));

        int count = source.ReadItems().Count();

        Assert.Equal(Samples.MultiThread().Records.Count - 1, count);
        Assert.False(source.StreamEndSeen);
        Assert.Equal(new Truncation(data.Length - 4, 2), source.Truncation);
    }

    [Fact]
    public void Frames_larger_than_the_read_buffer_are_read_whole()
    {
        var b = new RecordingBuilder();
        b.Add(new ThreadInfo(0, 0, 1, new string('a', 200_000)), new ThreadInfo(0, 1, 2, "b"));
        using var source = new RecordSource(new MemoryStream(b.ToArray()));

        Assert.Equal(b.Records, DecodedRecords.Of(source));
    }

    [Fact]
    public void Damage_ends_reading_with_the_error_after_every_record_before_it()
    {
        var b = new RecordingBuilder();
        b.Batch(new Enter(0, 1, 0, 0, 1));
        b.Batch(new Enter(0, 0, 0, 1, 1));
        long damageAt = b.Length;
        byte[] data = [.. b.ToArray(), 0x00];
        using var source = new RecordSource(new MemoryStream(data));

        var records = new List<WireRecord>();
        var error = Assert.Throws<WireFormatException>(() =>
        {
            foreach (ref readonly WireItem item in source.ReadItems())
            {
                records.Add(DecodedRecords.From(item));
            }
        });

        Assert.Equal([0UL, 1], records.Cast<CallbackRecord>().Select(r => r.Sequence));
        Assert.Equal(damageAt, error.Offset);
    }

    [Fact]
    public void Items_taken_by_reference_are_the_items_the_interface_yields()
    {
        byte[] data = Samples.MultiThread().ToArray();
        var byReference = new List<WireRecord>();
        using (var source = new RecordSource(new MemoryStream(data)))
        {
            foreach (ref readonly WireItem item in source.ReadItems())
            {
                byReference.Add(DecodedRecords.From(item));
            }
        }

        using var other = new RecordSource(new MemoryStream(data));
        IEnumerable<WireItem> items = other.ReadItems();
        List<WireRecord> throughInterface = [.. items.Select(item => DecodedRecords.From(item))];

        Assert.Equal(Samples.MultiThread().Records.Count, byReference.Count);
        Assert.Equal(byReference, throughInterface);
        List<ulong> sequence = [.. byReference.OfType<CallbackRecord>().Select(record => record.Sequence)];
        Assert.Equal(sequence.Order(), sequence);
    }

    [Fact]
    public void Stopping_a_read_early_stops_the_reading_thread()
    {
        // A real program's recording, handed out a byte a read, so that the reading thread is still
        // reading when the caller stops.
        byte[] data = File.ReadAllBytes(Ari.Testing.Examples.Recorded("workers").Recording);
        var stream = new TrickleStream(data, 1);
        using var source = new RecordSource(stream);
        int taken = 0;
        foreach (ref readonly WireItem item in source.ReadItems())
        {
            if (++taken == 3)
            {
                break;
            }
        }

        // Leaving the loop disposed the enumerator, which waited for the reading thread to stop.
        long stoppedAt = stream.Position;
        Thread.Sleep(100);
        Assert.True(stoppedAt < data.Length, "the reading thread stopped before the end");
        Assert.Equal(stoppedAt, stream.Position);
        Assert.Throws<InvalidOperationException>(() => source.ReadItems().Count());
    }

    [Fact]
    public void A_source_is_read_once()
    {
        using var source = new RecordSource(new MemoryStream(Samples.MultiThread().ToArray()));
        _ = source.ReadItems().Count();

        Assert.Throws<InvalidOperationException>(() => source.ReadItems().Count());
    }

    /// <summary>A stream that hands out at most a few bytes per read, like a slow socket.</summary>
    private sealed class TrickleStream(byte[] data, int most) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);
    }
}
