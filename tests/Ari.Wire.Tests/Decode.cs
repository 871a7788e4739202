using System.Buffers;
using Ari.Testing;

namespace Ari.Wire.Tests;

/// <summary>
/// Drives a <see cref="WireDecoder"/> the way a pipe reader does, into a <see cref="SequenceMerger"/> as a
/// <see cref="RecordSource"/> does, and takes what the merger releases when the input ends.
/// </summary>
internal static class Decode
{
    /// <summary>Decodes all of <paramref name="input"/> in one call, then ends the input.</summary>
    public static (List<WireRecord> Records, Truncation? Truncation, WireDecoder Decoder) All(ReadOnlySequence<byte> input)
    {
        var decoder = new WireDecoder();
        var merger = new SequenceMerger();
        decoder.ReadInto(ref input, merger);
        return (Released(merger), decoder.Complete(input.Length), decoder);
    }

    public static (List<WireRecord> Records, Truncation? Truncation, WireDecoder Decoder) All(byte[] input) =>
        All(new ReadOnlySequence<byte>(input));

    /// <summary>
    /// Feeds <paramref name="input"/> <paramref name="chunk"/> bytes at a time, keeping the unread tail
    /// between calls exactly as a caller of a pipe does: this exercises resuming across calls.
    /// </summary>
    public static (List<WireRecord> Records, Truncation? Truncation) InChunks(byte[] input, int chunk)
    {
        var decoder = new WireDecoder();
        var merger = new SequenceMerger();
        int unreadStart = 0;
        for (int arrived = Math.Min(chunk, input.Length); ; arrived = Math.Min(arrived + chunk, input.Length))
        {
            var buffer = new ReadOnlySequence<byte>(input, unreadStart, arrived - unreadStart);
            decoder.ReadInto(ref buffer, merger);
            unreadStart = arrived - (int)buffer.Length;
            Assert.Equal(unreadStart, decoder.BytesConsumed);
            if (arrived == input.Length)
            {
                return (Released(merger), decoder.Complete(buffer.Length));
            }
        }
    }

    /// <summary>Ends the input for <paramref name="merger"/> and takes everything it releases.</summary>
    public static List<WireRecord> Released(SequenceMerger merger)
    {
        merger.Complete();
        return Taken(merger);
    }

    /// <summary>What <paramref name="merger"/> has released so far.</summary>
    public static List<WireRecord> Taken(SequenceMerger merger)
    {
        var records = new List<WireRecord>();
        foreach (ref readonly WireItem item in new ReleasedItems(Stretches(merger)))
        {
            records.Add(DecodedRecords.From(item));
        }

        return records;
    }

    private static IEnumerable<ReleasedSlots> Stretches(SequenceMerger merger)
    {
        while (merger.TryTakeReleased(out ReleasedSlots? released))
        {
            yield return released;
        }
    }

    /// <summary>
    /// The order a merger releases records written in <paramref name="written"/> order, when the input
    /// ends after them: a callback record is held until a watermark above it, the stream's end or the
    /// input's end, then released by number; one that comes too late is released at once; stream records
    /// follow whatever they release.
    /// </summary>
    public static List<WireRecord> InReleaseOrder(IEnumerable<WireRecord> written)
    {
        var released = new List<WireRecord>();
        var held = new SortedDictionary<ulong, WireRecord>();
        ulong watermark = 0;
        void ReleaseBelow(ulong below)
        {
            foreach (var (sequence, record) in held.Where(pair => pair.Key < below).ToList())
            {
                released.Add(record);
                held.Remove(sequence);
            }
        }

        foreach (WireRecord record in written)
        {
            switch (record)
            {
                case CallbackRecord callback when callback.Sequence >= watermark && held.TryAdd(callback.Sequence, callback):
                    continue;
                case CallbackRecord:
                    released.Add(record);
                    continue;
                case Watermark mark:
                    watermark = Math.Max(watermark, mark.Sequence);
                    ReleaseBelow(watermark);
                    break;
                case StreamEnd:
                    released.AddRange(held.Values);
                    held.Clear();
                    break;
            }

            released.Add(record);
        }

        released.AddRange(held.Values);
        return released;
    }
}
