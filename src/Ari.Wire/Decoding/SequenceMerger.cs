using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// Restores the order in which tracing called the layer. Batches of different threads reach the stream in
/// any order, so callback records are held until a <see cref="Watermark"/> proves nothing earlier can still
/// come, then released by sequence number. Stream records are never reordered: they are released as they
/// arrive, after whatever a watermark released. <see cref="StreamEnd"/> and <see cref="Complete"/> release
/// everything still held.
/// </summary>
public sealed class SequenceMerger
{
    private readonly PriorityQueue<CallbackRecord, ulong> _held = new();
    private readonly Queue<WireRecord> _ready = new();

    /// <summary>The latest watermark: every callback record below it has been released.</summary>
    public ulong Watermark { get; private set; }

    public int HeldCount => _held.Count;

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
                _held.Enqueue(callback, callback.Sequence);
                break;
            case CallbackRecord late:
                LateCount++;
                _ready.Enqueue(late);
                break;
            case Watermark watermark:
                Watermark = Math.Max(Watermark, watermark.Sequence);
                ReleaseBelow(Watermark);
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

    private void ReleaseBelow(ulong watermark)
    {
        while (_held.TryPeek(out _, out ulong sequence) && sequence < watermark)
        {
            _ready.Enqueue(_held.Dequeue());
        }
    }

    private void ReleaseAll()
    {
        while (_held.TryDequeue(out CallbackRecord? record, out _))
        {
            _ready.Enqueue(record);
        }
    }
}
