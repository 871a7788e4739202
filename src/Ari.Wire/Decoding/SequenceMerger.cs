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
/// A batch's records come in sequence order, and thousands of records may be held at once in a few long
/// runs. The merger keeps them as runs of increasing sequence numbers and merges the runs, one heap
/// operation a run rather than one a record. Held and released records keep their values encoded until
/// <see cref="TryTakeItem"/> hands them on (see <see cref="HeldCallback"/>).
/// </remarks>
public sealed class SequenceMerger
{
    private readonly ValueDecoder _values = new();
    private readonly PriorityQueue<HeldRun, ulong> _runs = new();
    private readonly Stack<HeldRun> _spareRuns = new();

    /// <summary>Records released and not yet taken, stream records among them, in order.</summary>
    private HeldRun _ready = new();

    /// <summary>Encodes values that arrive as objects (<see cref="Add(WireRecord)"/>): held records keep them encoded.</summary>
    private readonly WireWriter _encoder = new(new System.Buffers.ArrayBufferWriter<byte>());

    /// <summary>The run the last held record went to; the next one joins it when its sequence number is higher.</summary>
    private HeldRun? _open;

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
        _ready.Append(record, values);
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

        _ready.Append(record);
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
        if (_ready.IsEmpty)
        {
            item = default;
            return false;
        }

        item = _ready.TakeItem(_values);
        return true;
    }

    public bool HasReady => !_ready.IsEmpty;

    /// <summary>
    /// Hands over every released record at once, values still encoded, and goes on with
    /// <paramref name="empty"/>: a reader on another thread takes the records from the run it gets.
    /// </summary>
    internal HeldRun SwapReady(HeldRun empty)
    {
        HeldRun ready = _ready;
        _ready = empty;
        return ready;
    }

    private void Hold(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        HeldCount++;
        if (_open is { } open && !open.IsEmpty && record.Sequence > open.LastSequence)
        {
            // Appending leaves the run's head, and so its place in the heap, as it was.
            open.Append(record, values);
            return;
        }

        open = _spareRuns.TryPop(out HeldRun? spare) ? spare : new HeldRun();
        open.Append(record, values);
        _runs.Enqueue(open, record.Sequence);
        _open = open;
    }

    private void ReleaseAll() => Release(ulong.MaxValue, inclusive: true);

    /// <summary>
    /// Releases held records below <paramref name="watermark"/> in sequence order: takes the run with the
    /// lowest head, releases from it up to the next run's head, and puts it back.
    /// </summary>
    private void Release(ulong watermark, bool inclusive = false)
    {
        while (_runs.TryPeek(out HeldRun? run, out ulong head) && (head < watermark || inclusive))
        {
            _runs.Dequeue();
            ulong next = _runs.TryPeek(out _, out ulong nextHead) ? nextHead : ulong.MaxValue;
            do
            {
                HeldCallback record = run.Take(out ReadOnlySpan<byte> values);
                _ready.Append(record, values);
                HeldCount--;
            }
            while (!run.IsEmpty && run.HeadSequence <= next && (run.HeadSequence < watermark || inclusive));

            if (run.IsEmpty)
            {
                _spareRuns.Push(run);
                if (ReferenceEquals(run, _open))
                {
                    _open = null;
                }
            }
            else
            {
                _runs.Enqueue(run, run.HeadSequence);
            }
        }
    }
}
