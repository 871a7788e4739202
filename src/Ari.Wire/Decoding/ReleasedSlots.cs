using System.Buffers;

namespace Ari.Wire;

/// <summary>
/// What the <see cref="SequenceMerger"/> hands on at a time: a stretch of one chunk's released slots, read
/// in place, then the records released right after them (stream records, and callback records that came
/// too late for their place). A reader takes the records with <see cref="TryTake"/>, on any one thread,
/// and then calls <see cref="Finish"/>; a reader on another thread than the merger's takes the slots
/// through its own copy of <see cref="Slots"/> instead, then the rest with <see cref="TryTakeAfter"/>.
/// </summary>
internal sealed class ReleasedSlots
{
    private readonly HeldCallback[]? _slots;
    private readonly bool _endsChunk;
    private SlotCursor _taking;
    private List<WireItem>? _after;
    private int _afterNext;

    /// <summary>Slots <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="chunk"/>.</summary>
    public ReleasedSlots(SequenceChunk chunk, int start, int end)
    {
        _slots = chunk.Slots;
        SlotCount = end - start;
        _endsChunk = end == SequenceChunk.Length;
        // The store as it is now holds the values of every slot released so far; a larger one made later
        // holds them too, but this one never changes where they are.
        Slots = new SlotCursor(chunk.Slots, chunk.Values, start, end);
        _taking = Slots;
    }

    /// <summary>No slots: only records that follow what was released before.</summary>
    public ReleasedSlots()
    {
    }

    /// <summary>The released slots, from the first.</summary>
    public SlotCursor Slots { get; }

    /// <summary>How many slots this hands on, empty ones included.</summary>
    public int SlotCount { get; }

    /// <summary>A record to hand on after the slots; only the merger adds, before it hands this on.</summary>
    public void AddAfter(in WireItem item) => (_after ??= []).Add(item);

    public bool TryTake(out WireItem item) => _taking.TryTake(out item) || TryTakeAfter(out item);

    /// <summary>The records released after the slots, one at a time.</summary>
    public bool TryTakeAfter(out WireItem item)
    {
        if (_after is not null && _afterNext < _after.Count)
        {
            item = _after[_afterNext++];
            return true;
        }

        item = default;
        return false;
    }

    /// <summary>Everything has been taken: the chunk's last stretch gives its slots' array back to the pool.</summary>
    public void Finish()
    {
        if (_endsChunk)
        {
            ArrayPool<HeldCallback>.Shared.Return(_slots!);
        }
    }
}
