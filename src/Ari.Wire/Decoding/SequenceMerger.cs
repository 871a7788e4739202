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
/// A batch's records come in sequence order, and a tap writes few watermarks (a handful a second), so
/// hundreds of thousands of records may be held at once in a few long runs. The merger keeps them as runs
/// of increasing sequence numbers and merges the runs, one heap operation a run rather than one a record.
/// </remarks>
public sealed class SequenceMerger
{
    private readonly PriorityQueue<HeldRun, ulong> _runs = new();
    private readonly Stack<HeldRun> _spareRuns = new();
    private readonly Queue<WireRecord> _ready = new();

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
        switch (record)
        {
            case CallbackRecord callback when callback.Sequence >= Watermark:
                Hold(callback);
                break;
            case CallbackRecord late:
                LateCount++;
                _ready.Enqueue(late);
                break;
            case Watermark watermark:
                Watermark = Math.Max(Watermark, watermark.Sequence);
                Release(Watermark);
                _ready.Enqueue(watermark);
                break;
            case StreamEnd:
                ReleaseAll();
                _ready.Enqueue(record);
                break;
            default:
                _ready.Enqueue(record);
                break;
        }
    }

    /// <summary>No more records will come (the stream ended, cleanly or cut): release everything held.</summary>
    public void Complete() => ReleaseAll();

    public bool TryTake([NotNullWhen(true)] out WireRecord? record) => _ready.TryDequeue(out record);

    private void Hold(CallbackRecord record)
    {
        HeldCount++;
        if (_open is { } open && !open.IsEmpty && record.Sequence > open.LastSequence)
        {
            // Appending leaves the run's head, and so its place in the heap, as it was.
            open.Append(record);
            return;
        }

        open = _spareRuns.TryPop(out HeldRun? spare) ? spare : new HeldRun();
        open.Append(record);
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
                _ready.Enqueue(run.Take());
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
