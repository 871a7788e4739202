using System.Buffers;
using Ari.Testing;

namespace Ari.Wire.Tests;

public class MergeTests
{
    private static List<WireRecord> ReadMerged(byte[] data) => DecodedRecords.Of(data);

    [Fact]
    public void Batches_of_several_threads_come_out_in_sequence_order()
    {
        List<WireRecord> merged = ReadMerged(Samples.MultiThread().ToArray());

        var sequences = merged.OfType<CallbackRecord>().Select(r => r.Sequence).ToList();
        Assert.Equal([0UL, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13], sequences);
        Assert.Equal([0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1], merged.OfType<CallbackRecord>().Select(r => r.ThreadIndex));
    }

    [Fact]
    public void Records_are_released_at_the_first_watermark_above_them_and_stream_records_are_not_reordered()
    {
        List<WireRecord> merged = ReadMerged(Samples.MultiThread().ToArray());

        string Describe(WireRecord r) => r is CallbackRecord c ? c.Sequence.ToString() : r.Kind.ToString();
        Assert.Equal(
            "StreamStart Callsite Callsite Thread Thread 0 1 2 3 4 Watermark Dropped 5 6 7 8 11 12 13 Watermark StreamEnd",
            string.Join(' ', merged.Select(Describe)));
    }

    [Fact]
    public void The_merger_holds_records_until_a_watermark_passes_them()
    {
        var fed = new FedMerger();
        var merger = fed.Merger;
        fed.Add(new Enter(0, 2, 0, 1, 1));
        fed.Add(new Enter(0, 0, 0, 0, 1));
        fed.Add(new ThreadInfo(0, 3, 9, "late thread"));

        Assert.IsType<ThreadInfo>(Assert.Single(Decode.Taken(merger)));
        Assert.Equal(2, merger.HeldCount);

        fed.Add(new Watermark(0, 2));
        Assert.Equal([0UL], TakeSequences(merger));
        Assert.Equal(1, merger.HeldCount);

        fed.Add(new Enter(0, 1, 0, 0, 2));
        Assert.Equal(1, merger.LateCount);
        fed.Add(new Enter(0, 3, 0, 1, 2));
        merger.Complete();
        Assert.Equal([1UL, 2, 3], TakeSequences(merger));
        Assert.Equal(0, merger.HeldCount);
    }

    [Fact]
    public void A_large_release_is_handed_on_a_chunk_of_slots_at_a_time_and_skips_numbers_that_never_came()
    {
        var b = new RecordingBuilder();
        const int count = 3 * SequenceChunk.Length + 5;
        var expected = new List<ulong>();
        for (ulong sequence = 0; sequence < count; sequence++)
        {
            // Every tenth number is missing, as a record the tap dropped would be.
            if (sequence % 10 != 3)
            {
                b.Batch(new Enter(0, sequence, 0, (int)(sequence % 2), 1));
                expected.Add(sequence);
            }
        }
        b.Add(new Watermark(0, count));
        var merger = new SequenceMerger();
        var input = new ReadOnlySequence<byte>(b.ToArray());
        new WireDecoder().ReadInto(ref input, merger);

        var sequences = new List<ulong>();
        int handedOn = 0;
        while (merger.TryTakeReleased(out ReleasedSlots? released))
        {
            handedOn++;
            Assert.InRange(released.SlotCount, 0, SequenceChunk.Length);
            foreach (ref readonly WireItem item in new ReleasedItems([released]))
            {
                if (item.IsCallback)
                {
                    sequences.Add(item.Sequence);
                }
            }
        }

        Assert.Equal(4, handedOn);
        Assert.Equal(expected, sequences);
    }

    [Fact]
    public void A_record_with_the_number_of_one_already_held_is_released_at_once_and_counted()
    {
        var fed = new FedMerger();
        var merger = fed.Merger;
        fed.Add(new Enter(0, 5, 0, 0, 1));
        fed.Add(new Exit(0, 5, 0, 1, 2));
        Assert.Equal(1, merger.LateCount);
        Assert.Equal(1, merger.HeldCount);
        Assert.IsType<Exit>(Assert.Single(Decode.Taken(merger)));

        merger.Complete();
        Assert.Equal([5UL], TakeSequences(merger));
    }

    [Fact]
    public void Numbers_far_apart_are_held_and_released_in_order()
    {
        var fed = new FedMerger();
        var merger = fed.Merger;
        ulong[] numbers = [ulong.MaxValue - 1, 7, 1UL << 40, 3 * (ulong)SequenceChunk.Length, 8];
        foreach (ulong sequence in numbers)
        {
            fed.Add(new Enter(0, sequence, 0, 0, 1));
        }

        fed.Add(new Watermark(0, 1UL << 40));
        Assert.Equal([7UL, 8, 3 * (ulong)SequenceChunk.Length], TakeSequences(merger));
        merger.Complete();
        Assert.Equal([1UL << 40, ulong.MaxValue - 1], TakeSequences(merger));
    }

    [Fact]
    public void A_record_stamped_after_records_numbered_after_it_is_released_at_their_time()
    {
        // Thread 0 took number 0, then waited 400 ns for the clock: numbers 1 and 2 were stamped first.
        var fed = new FedMerger();
        fed.Add(new Enter(0, 0, 500, 0, 1));
        fed.Add(new Enter(0, 1, 100, 1, 2));
        fed.Add(new Enter(0, 2, 200, 1, 3));
        fed.Add(new Watermark(0, 3));
        Assert.Equal([(0UL, 100UL), (1, 100), (2, 200)], TakeTimes(fed.Merger));

        fed.Add(new Enter(0, 3, 300, 0, 4));
        fed.Merger.Complete();
        Assert.Equal([(3UL, 300UL)], TakeTimes(fed.Merger));
    }

    [Fact]
    public void A_watermark_clock_bounds_the_records_released_before_it()
    {
        // The tap read its clock at 250, then took watermark 3: numbers 3 and above are stamped at 250 or
        // later, so number 2, stamped at 400, is released at 250, before them.
        var fed = new FedMerger();
        fed.Add(new Enter(0, 1, 100, 1, 2));
        fed.Add(new Enter(0, 2, 400, 0, 1));
        fed.Add(new WatermarkClock(0, 3, 250));
        Assert.Equal([(1UL, 100UL), (2, 250)], TakeTimes(fed.Merger));

        fed.Add(new Watermark(0, 3));
        fed.Add(new Enter(0, 4, 270, 1, 3));
        fed.Add(new Enter(0, 3, 290, 0, 4));
        fed.Merger.Complete();
        Assert.Equal([(3UL, 270UL), (4, 270)], TakeTimes(fed.Merger));
        Assert.Equal(0, fed.Merger.LateCount);
    }

    [Fact]
    public void An_older_watermark_does_not_lower_the_latest()
    {
        var fed = new FedMerger();
        fed.Add(new Watermark(0, 10));
        fed.Add(new Watermark(0, 4));
        fed.Add(new Enter(0, 7, 0, 0, 1));

        Assert.Equal(10UL, fed.Merger.Watermark);
        Assert.Equal(1, fed.Merger.LateCount);
    }

    [Fact]
    public void A_cut_stream_releases_everything_held_in_order()
    {
        var b = new RecordingBuilder();
        b.Batch(new Enter(0, 5, 0, 1, 1), new Exit(0, 6, 0, 1, 1));
        b.Batch(new Enter(0, 2, 0, 0, 1), new Exit(0, 9, 0, 0, 1));

        List<WireRecord> merged = ReadMerged(b.ToArray());

        Assert.Equal([2UL, 5, 6, 9], merged.Cast<CallbackRecord>().Select(r => r.Sequence));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Randomly_interleaved_batches_of_many_threads_come_out_in_order(int seed)
    {
        var random = new Random(seed);
        const int threads = 6;
        const int total = 3000;

        // Each thread fills batches from sequence numbers handed out in order, as tracing's calls are;
        // a finished batch waits a random time before it reaches the stream, as in the tap's queue.
        var pending = new List<CallbackRecord[]>();
        var open = new List<CallbackRecord>[threads];
        for (int t = 0; t < threads; t++)
        {
            open[t] = [];
        }

        var b = new RecordingBuilder();
        ulong written = 0;
        for (ulong seq = 0; seq < total; seq++)
        {
            int thread = random.Next(threads);
            open[thread].Add(new Enter(0, seq, seq * 10, thread, seq + 1));
            if (random.Next(8) == 0)
            {
                pending.Add([.. open[thread]]);
                open[thread].Clear();
            }

            while (pending.Count > 0 && random.Next(3) == 0)
            {
                int pick = random.Next(pending.Count);
                b.Batch(pending[pick]);
                pending.RemoveAt(pick);
                written = WriteWatermark(b, written, pending, open);
            }
        }

        foreach (CallbackRecord[] batch in pending)
        {
            b.Batch(batch);
        }

        foreach (List<CallbackRecord> batch in open.Where(o => o.Count > 0))
        {
            b.Batch([.. batch]);
        }

        List<WireRecord> merged = ReadMerged(b.ToArray());

        var sequences = merged.OfType<CallbackRecord>().Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, total).Select(i => (ulong)i), sequences);
        AssertWatermarksHold(merged);
    }

    /// <summary>Writes the watermark the tap could: the lowest sequence number not yet written.</summary>
    private static ulong WriteWatermark(RecordingBuilder b, ulong previous, List<CallbackRecord[]> pending, List<CallbackRecord>[] open)
    {
        ulong lowest = ulong.MaxValue;
        foreach (CallbackRecord[] batch in pending)
        {
            lowest = Math.Min(lowest, batch[0].Sequence);
        }

        foreach (List<CallbackRecord> batch in open)
        {
            if (batch.Count > 0)
            {
                lowest = Math.Min(lowest, batch[0].Sequence);
            }
        }

        if (lowest != ulong.MaxValue && lowest > previous)
        {
            b.Add(new Watermark(0, lowest));
            return lowest;
        }

        return previous;
    }

    private static void AssertWatermarksHold(List<WireRecord> merged)
    {
        var seen = new HashSet<ulong>();
        foreach (WireRecord record in merged)
        {
            if (record is CallbackRecord callback)
            {
                seen.Add(callback.Sequence);
            }
            else if (record is Watermark watermark)
            {
                for (ulong s = 0; s < watermark.Sequence; s++)
                {
                    Assert.Contains(s, seen);
                }
            }
        }
    }

    private static List<(ulong Sequence, ulong Timestamp)> TakeTimes(SequenceMerger merger) =>
        [.. Decode.Taken(merger).OfType<CallbackRecord>().Select(callback => (callback.Sequence, callback.Timestamp))];

    private static List<ulong> TakeSequences(SequenceMerger merger) =>
        [.. Decode.Taken(merger).OfType<CallbackRecord>().Select(callback => callback.Sequence)];

    /// <summary>A merger fed through a decoder a record at a time, as a reader feeds it while bytes arrive.</summary>
    private sealed class FedMerger
    {
        private readonly RecordingBuilder _written = new();
        private readonly WireDecoder _decoder = new();
        private int _fed;

        public SequenceMerger Merger { get; } = new();

        /// <summary>Writes the record (a callback in a batch of its own) and decodes it into the merger.</summary>
        public void Add(WireRecord record)
        {
            if (record is CallbackRecord callback)
            {
                _written.Batch(callback);
            }
            else
            {
                _written.Add(record);
            }

            byte[] data = _written.ToArray();
            var buffer = new ReadOnlySequence<byte>(data, _fed, data.Length - _fed);
            _decoder.ReadInto(ref buffer, Merger);
            _fed = data.Length - (int)buffer.Length;
        }
    }
}
