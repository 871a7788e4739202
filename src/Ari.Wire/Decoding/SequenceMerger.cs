using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// Restores the order in which tracing called the layer. Batches of different threads reach the stream in
/// any order, so callback records are held until a <see cref="Watermark"/> proves nothing earlier can still
/// come, then released by sequence number. Stream records are never reordered: they are released as they
/// arrive, after whatever a watermark released. <see cref="StreamEnd"/> and <see cref="Complete"/> release
/// everything still held.
/// </summary>
/// <remarks>
/// A thread's records come in sequence order, and thousands of records may be held at once. The merger
/// keeps each thread's as a run of increasing sequence numbers, orders the runs by their heads in a heap,
/// and merges the two lowest pairwise outside it: busy threads' records interleave a few at a time, so
/// that costs a comparison a record rather than heap operations. Held and released records keep their values in a byte
/// store (see <see cref="HeldCallback"/>) until they are handed on, by <see cref="TryTakeItem"/> on this thread,
/// or in whole runs (<see cref="TryTakeReadyRun"/>) to a reader on another; even then the values stay
/// encoded until someone reads them (<see cref="FieldValues"/>).
/// </remarks>
public sealed class SequenceMerger
{
    /// <summary>
    /// Released records are handed on in runs of at most this many: a watermark may release tens of
    /// thousands at once, and runs this size keep their arrays in the shared pool, not the large object heap.
    /// </summary>
    private const int ReadyRunLength = HeldRun.PooledRecords;

    private readonly PriorityQueue<HeldRun, ulong> _runs = new();

    /// <summary>Emptied runs, for reuse; a reader on another thread gives back the ready runs it emptied.</summary>
    private readonly ConcurrentQueue<HeldRun> _spareRuns = new();

    /// <summary>Records released and not yet taken, stream records among them, in order: full runs, then <see cref="_filling"/>.</summary>
    private readonly Queue<HeldRun> _readyRuns = new();
    private HeldRun _filling = new();

    /// <summary>Encodes values that arrive as objects (<see cref="Add(WireRecord)"/>): held records keep them encoded.</summary>
    private readonly WireWriter _encoder = new(new System.Buffers.ArrayBufferWriter<byte>());

    /// <summary>
    /// The run each thread's last held record went to, by thread index; the thread's next record joins it
    /// when its sequence number is higher. A thread's batches arrive in order, so there are about as many
    /// runs as threads, however many batches are held.
    /// </summary>
    private HeldRun?[] _openRuns = new HeldRun?[8];

    /// <summary>The latest watermark: every callback record below it has been released.</summary>
    public ulong Watermark { get; private set; }

    public int HeldCount { get; private set; }

    /// <summary>
    /// Callback records that arrived below the watermark, which a correct tap never writes. They are
    /// released at once, out of order, rather than lost; a viewer can warn when this is not 0.
    /// </summary>
    public long LateCount { get; private set; }

    public void Add(WireRecord record)
    {
        var item = WireItem.From(record);
        if (item.Stream is { } stream)
        {
            Add(stream);
            return;
        }

        ReadOnlySpan<byte> values = _encoder.EncodeValues(item.Values);
        Add(HeldCallback.From(item, values.Length), values);
    }

    /// <summary>A callback record from the decoder, its values still encoded.</summary>
    internal void Add(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        if (record.Sequence >= Watermark)
        {
            Hold(record, values);
            return;
        }

        LateCount++;
        RoomToRelease().Append(record, values);
    }

    internal void Add(StreamRecord record)
    {
        switch (record)
        {
            case Watermark watermark:
                Watermark = Math.Max(Watermark, watermark.Sequence);
                Release(Watermark);
                break;
            case StreamEnd:
                ReleaseAll();
                break;
        }

        RoomToRelease().Append(record);
    }

    /// <summary>No more records will come (the stream ended, cleanly or cut): release everything held.</summary>
    public void Complete() => ReleaseAll();

    public bool TryTake([NotNullWhen(true)] out WireRecord? record)
    {
        bool taken = TryTakeItem(out WireItem item);
        record = taken ? item.ToRecord() : null;
        return taken;
    }

    /// <summary><see cref="TryTake"/> without an object for callback records.</summary>
    public bool TryTakeItem(out WireItem item)
    {
        while (true)
        {
            HeldRun head = _readyRuns.TryPeek(out HeldRun? full) ? full : _filling;
            if (!head.IsEmpty)
            {
                item = head.TakeItem();
                return true;
            }

            if (ReferenceEquals(head, _filling))
            {
                item = default;
                return false;
            }

            Recycle(_readyRuns.Dequeue());
        }
    }

    /// <summary>
    /// Hands over the oldest run of released records, values still encoded: a reader on another thread
    /// takes the records from it and gives it back with <see cref="Recycle"/>.
    /// </summary>
    internal bool TryTakeReadyRun([NotNullWhen(true)] out HeldRun? run)
    {
        if (_readyRuns.TryDequeue(out run))
        {
            return true;
        }

        if (_filling.IsEmpty)
        {
            return false;
        }

        run = _filling;
        _filling = SpareRun();
        return true;
    }

    /// <summary>An emptied run comes back for reuse; safe to call from another thread.</summary>
    internal void Recycle(HeldRun run) => _spareRuns.Enqueue(run);

    private HeldRun SpareRun() => _spareRuns.TryDequeue(out HeldRun? spare) ? spare : new HeldRun();

    /// <summary>The run that released records go to, a fresh one when the last is full.</summary>
    private HeldRun RoomToRelease()
    {
        if (_filling.Count >= ReadyRunLength)
        {
            _readyRuns.Enqueue(_filling);
            _filling = SpareRun();
        }

        return _filling;
    }

    private void Hold(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        HeldCount++;
        int thread = record.ThreadIndex;
        if (thread < _openRuns.Length && _openRuns[thread] is { } open && record.Sequence > open.LastSequence
            && open.Count < HeldRun.PooledRecords)
        {
            // Appending leaves the run's head, and so its place in the heap, as it was. A full run makes
            // way for a new one, so that runs keep arrays the shared pool recycles.
            open.Append(record, values);
            return;
        }

        open = SpareRun();
        open.Append(record, values);
        _runs.Enqueue(open, record.Sequence);
        if (thread >= _openRuns.Length)
        {
            Array.Resize(ref _openRuns, Math.Max(thread + 1, _openRuns.Length * 2));
        }

        _openRuns[thread] = open;
    }

    private void ReleaseAll() => Release(ulong.MaxValue, inclusive: true);

    /// <summary>Releases held records below <paramref name="watermark"/> in sequence order.</summary>
    private void Release(ulong watermark, bool inclusive = false)
    {
        if (watermark == 0 && !inclusive)
        {
            return;
        }

        ulong last = inclusive ? ulong.MaxValue : watermark - 1;
        while (_runs.TryPeek(out _, out ulong head) && head <= last)
        {
            HeldRun? first = _runs.Dequeue();
            HeldRun? second = _runs.TryDequeue(out HeldRun? run, out _) ? run : null;
            ulong rest = _runs.TryPeek(out _, out ulong restHead) ? restHead : ulong.MaxValue;
            ReleasePair(ref first, ref second, Math.Min(last, rest));
            PutBack(first);
            PutBack(second);
        }
    }

    /// <summary>
    /// Releases, in sequence order up to <paramref name="bound"/>, from the two runs with the lowest heads,
    /// which are out of the heap meanwhile. Two busy threads' records interleave a few at a time, so
    /// merging them pairwise costs a comparison a record rather than two heap operations every few records;
    /// once one run is empty, the other's records go as one block.
    /// </summary>
    private void ReleasePair(ref HeldRun? first, ref HeldRun? second, ulong bound)
    {
        while (first is not null)
        {
            HeldRun target = RoomToRelease();
            int firstThread = first.HeadThreadIndex;
            int secondThread = second?.HeadThreadIndex ?? 0;
            int moved = second is null
                ? first.MoveUpTo(bound, target, ReadyRunLength)
                : HeldRun.Interleave(first, second, bound, target, ReadyRunLength);
            HeldCount -= moved;
            if (second is not null && second.IsEmpty)
            {
                Retire(second, secondThread);
                second = null;
            }

            if (first.IsEmpty)
            {
                Retire(first, firstThread);
                first = second;
                second = null;
            }
            else if (moved == 0)
            {
                // Every head left is above the bound (the target had room).
                return;
            }
        }
    }

    private void PutBack(HeldRun? run)
    {
        if (run is not null)
        {
            _runs.Enqueue(run, run.HeadSequence);
        }
    }

    /// <summary>An emptied held run is recycled, and its thread's next record starts a new one.</summary>
    private void Retire(HeldRun run, int thread)
    {
        Recycle(run);
        if (ReferenceEquals(_openRuns[thread], run))
        {
            _openRuns[thread] = null;
        }
    }
}
