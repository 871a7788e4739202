using System.Buffers;

namespace Ari.Wire;

/// <summary>
/// A slot for each of <see cref="Length"/> consecutive sequence numbers from <see cref="Base"/>: a held
/// callback record is written once, into the slot of its sequence number, and its values, their count in
/// front, are appended to the chunk's byte store. The tap numbers every callback from one counter, so the
/// slots fill up, whichever thread's batch brings each record, and reading them in order is the merge. A
/// slot left empty is a record the tap dropped (or a number a hand-made stream skipped).
/// </summary>
/// <remarks>
/// The <see cref="SequenceMerger"/> releases a chunk's slots, in one or more <see cref="ReleasedSlots"/>,
/// to a reader that may be on another thread while the merger goes on filling later slots: a released
/// slot is never written again, and the byte store only grows (into a new array when full, so the array a
/// reader was given keeps every value it can reach). The slots' array comes from a pool and goes
/// back once its last slots have been read; the byte store is never reused, so values read in place stay
/// valid.
/// </remarks>
internal sealed class SequenceChunk
{
    public const int Length = 8 * 1024;

    /// <summary>
    /// Where the slots' arrays come from and go back to: a pool of their own that keeps a few, where the
    /// shared pool keeps up to 32 a core, half a megabyte each, for the process's life once a reader that
    /// ran far ahead gave them back (a console that opened a long recording held 32 MB of them).
    /// </summary>
    public static readonly ArrayPool<HeldCallback> SlotArrays = ArrayPool<HeldCallback>.Create(Length, maxArraysPerBucket: 8);

    private const int MinimumValueBytes = 4 * 1024;

    /// <summary>
    /// A chunk for the numbers from <paramref name="base"/>, its byte store sized for about
    /// <paramref name="expectedValueBytes"/> (the last chunk's): a store too large is allocated for
    /// nothing, one too small is copied as it grows.
    /// </summary>
    public SequenceChunk(ulong @base, int expectedValueBytes)
    {
        Base = @base;
        // Pooled arrays are not cleared, and an empty slot must read as empty.
        Slots = SlotArrays.Rent(Length);
        Array.Clear(Slots, 0, Length);
        Values = GC.AllocateUninitializedArray<byte>(Math.Max(MinimumValueBytes, expectedValueBytes + expectedValueBytes / 8));
    }

    /// <summary>The sequence number of the first slot: a multiple of <see cref="Length"/>.</summary>
    public ulong Base { get; }

    public HeldCallback[] Slots { get; }

    public byte[] Values { get; private set; }

    /// <summary>How much of <see cref="Values"/> holds values.</summary>
    public int ValueBytes { get; private set; }

    /// <summary>Slots below this have been released; the merger never writes them again.</summary>
    public int ReleasedUpTo { get; set; }

    public static ulong BaseOf(ulong sequence) => sequence & ~(ulong)(Length - 1);

    /// <summary>Writes the record into its slot; false, writing nothing, when the slot is already taken.</summary>
    public bool TryHold(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        int slot = (int)(record.Sequence - Base);
        if (Slots[slot].Kind != 0)
        {
            return false;
        }

        if (record.FieldCount == 0)
        {
            // Seven records in ten (enters, exits, closes) have no values.
            Slots[slot] = record;
            return true;
        }

        // The count goes in front, so that a reader can hand on the values in place (see EncodedValues).
        int size = EncodedValues.Size(values.Length, record.FieldCount);
        if (size > Values.Length - ValueBytes)
        {
            Grow(size);
        }

        EncodedValues.Write(Values.AsSpan(ValueBytes), values, record.FieldCount);
        Slots[slot] = record with { ValuesStart = ValueBytes };
        ValueBytes += size;
        return true;
    }

    /// <summary>
    /// Going back from slot <paramref name="end"/> (exclusive) to <paramref name="start"/>, gives a record
    /// stamped later than <paramref name="bound"/> or than a record after it that time instead (see
    /// <see cref="SequenceMerger"/>); returns the bound for the slots before <paramref name="start"/>.
    /// </summary>
    public ulong StampNoLaterThanNext(int start, int end, ulong bound)
    {
        for (int slot = end - 1; slot >= start; slot--)
        {
            ref HeldCallback record = ref Slots[slot];
            if (record.Kind == 0)
            {
                continue;
            }

            if (record.Timestamp > bound)
            {
                record = record with { Timestamp = bound };
            }
            else
            {
                bound = record.Timestamp;
            }
        }

        return bound;
    }

    /// <summary>Records held in slots not yet released; counted on demand (for tests and diagnostics).</summary>
    public int CountHeld()
    {
        int held = 0;
        for (int slot = ReleasedUpTo; slot < Length; slot++)
        {
            held += Slots[slot].Kind != 0 ? 1 : 0;
        }

        return held;
    }

    private void Grow(int needed)
    {
        int size = Values.Length * 2;
        while (size - ValueBytes < needed)
        {
            size *= 2;
        }

        byte[] larger = GC.AllocateUninitializedArray<byte>(size);
        Values.AsSpan(0, ValueBytes).CopyTo(larger);
        Values = larger;
    }
}
