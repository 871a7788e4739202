using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// A reader's place in a stretch of released slots (<see cref="ReleasedSlots"/>). A reader on another
/// thread keeps it where it runs (in its enumerator, on its stack) rather than in the stretch: the merger's
/// thread allocated the stretch next to objects it writes for every record (the chunk it is filling), and
/// the reader's write for every record to a cache line they shared slowed the pipelined replay by up to
/// 15 %, both threads waiting for the line in turn (how much depends on where the objects fall).
/// </summary>
internal struct SlotCursor
{
    private readonly HeldCallback[]? _slots;
    private readonly byte[] _values;
    private readonly int _end;
    private int _next;

    /// <summary>Slots <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="slots"/>, their values in <paramref name="values"/>.</summary>
    public SlotCursor(HeldCallback[] slots, byte[] values, int start, int end)
    {
        _slots = slots;
        _values = values;
        _next = start;
        _end = end;
    }

    /// <summary>The next held record, skipping empty slots (records the tap dropped).</summary>
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

        item = default;
        return false;
    }
}
