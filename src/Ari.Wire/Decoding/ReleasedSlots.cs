using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// What the <see cref="SequenceMerger"/> hands on at a time: a stretch of one chunk's released slots, read
/// in place, then the records released right after them (stream records, and callback records that came
/// too late for their place). A reader takes the records with <see cref="TryTake"/>, on any one thread,
/// and then calls <see cref="Finish"/>.
/// </summary>
internal sealed class ReleasedSlots
{
    private readonly HeldCallback[]? _slots;
    private readonly byte[] _values = [];
    private readonly int _start;
    private readonly int _end;
    private readonly bool _endsChunk;
    private int _next;
    private List<WireItem>? _after;
    private int _afterNext;

    /// <summary>Slots <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="chunk"/>.</summary>
    public ReleasedSlots(SequenceChunk chunk, int start, int end)
    {
        _slots = chunk.Slots;
        // The store as it is now holds the values of every slot released so far; a larger one made later
        // holds them too, but this one never changes where they are.
        _values = chunk.Values;
        _start = start;
        _next = start;
        _end = end;
        _endsChunk = end == SequenceChunk.Length;
    }

    /// <summary>No slots: only records that follow what was released before.</summary>
    public ReleasedSlots()
    {
    }

    /// <summary>How many slots this hands on, empty ones included.</summary>
    public int SlotCount => _end - _start;

    /// <summary>A record to hand on after the slots; only the merger adds, before it hands this on.</summary>
    public void AddAfter(in WireItem item) => (_after ??= []).Add(item);

    // Inlined into the reader's loop: a call a record cost the replay a few per cent.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTake(out WireItem item)
    {
        while (_next < _end)
        {
            ref readonly HeldCallback slot = ref _slots![_next++];
            if (slot.Kind != 0)
            {
                item = slot.ToItemInPlace(_values);
                return true;
            }
        }

        return TryTakeAfter(out item);
    }

    private bool TryTakeAfter(out WireItem item)
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
