using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// The records a <see cref="RecordSource"/> releases, in sequence order, taken from each
/// <see cref="ReleasedSlots"/> stretch in turn. A <c>foreach</c> over this type (rather than over
/// <see cref="IEnumerable{T}"/>) uses the struct <see cref="Enumerator"/>: each record then costs one
/// step of it, where an iterator method nests two state machines and makes two interface calls a record.
/// <c>foreach (ref readonly var item in …)</c> also leaves each record where it is, rather than copying
/// a large struct.
/// </summary>
public sealed class ReleasedItems : IEnumerable<WireItem>
{
    private readonly IEnumerable<ReleasedSlots> _stretches;

    internal ReleasedItems(IEnumerable<ReleasedSlots> stretches) => _stretches = stretches;

    public Enumerator GetEnumerator() => new(_stretches.GetEnumerator());

    IEnumerator<WireItem> IEnumerable<WireItem>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The one way to take released records. The reader's place in a stretch lives here, where the
    /// reader runs (on its stack), not in the stretch: the merger's thread allocated the stretch next to
    /// objects it writes for every record (the chunk it is filling), and a write of the reader's for
    /// every record to a cache line they share makes both threads wait for the line in turn.
    /// </summary>
    public struct Enumerator : IEnumerator<WireItem>
    {
        private readonly IEnumerator<ReleasedSlots> _stretches;
        private ReleasedSlots? _stretch;
        private HeldCallback[]? _slots;
        private byte[]? _values;
        private int _next;
        private int _end;
        private int _after;
        private WireItem _current;

        internal Enumerator(IEnumerator<ReleasedSlots> stretches) => _stretches = stretches;

        [UnscopedRef]
        public readonly ref readonly WireItem Current => ref _current;

        readonly WireItem IEnumerator<WireItem>.Current => _current;

        readonly object IEnumerator.Current => _current;

        // Inlined into the reader's loop, with the rare step to the next stretch behind a call.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext() => TakeSlot() || MoveOn();

        /// <summary>The next held record of the stretch, skipping empty slots (records the tap dropped).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool TakeSlot()
        {
            while (_next < _end)
            {
                ref readonly HeldCallback slot = ref _slots![_next++];
                if (slot.Kind != 0)
                {
                    _current = slot.ToItemInPlace(_values!);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Takes the records the stretch has after its slots, then gives it back and goes on to the next stretch's slots.</summary>
        private bool MoveOn()
        {
            while (true)
            {
                if (_stretch is not null && _after < _stretch.AfterCount)
                {
                    _current = _stretch.After(_after++);
                    return true;
                }

                _stretch?.Finish();
                _stretch = null;
                if (!_stretches.MoveNext())
                {
                    return false;
                }

                _stretch = _stretches.Current;
                _slots = _stretch.Slots;
                _values = _stretch.Values;
                _next = _stretch.Start;
                _end = _stretch.End;
                _after = 0;
                if (TakeSlot())
                {
                    return true;
                }
            }
        }

        /// <summary>How many records are left in the stretch being read: taken without waiting for the next.</summary>
        public readonly int UnreadInStretch()
        {
            int unread = _stretch is null ? 0 : _stretch.AfterCount - _after;
            for (int slot = _next; slot < _end; slot++)
            {
                unread += _slots![slot].Kind != 0 ? 1 : 0;
            }

            return unread;
        }

        /// <summary>Stops the reading thread, also when the caller stopped before the end.</summary>
        public readonly void Dispose() => _stretches.Dispose();

        readonly void IEnumerator.Reset() => throw new NotSupportedException();
    }
}
