using Ari.Model;

namespace Ari.Cli;

/// <summary>
/// Hands records on to a sink, and collects the first generation whenever the process has allocated
/// <see cref="Budget"/> bytes since the last collection. The analyses keep a few MB alive whatever the
/// recording's length, but the runtime lets the first generation fill its whole budget (32 MB, which
/// <c>ari show</c>'s speed wants) before collecting: a short recording ends before it is full and a long one
/// fills it, so the peak grew with the length for garbage alone. A small young generation keeps the peak
/// what is alive plus the budget, for short and long recordings alike.
/// </summary>
internal sealed class YoungGenerationPacer(IEntrySink sink) : IEntrySink
{
    public const long Budget = 8 << 20;
    private const int RecordsBetweenLooks = 4096;

    private int _untilLook = RecordsBetweenLooks;
    private long _allocatedAtCollection = GC.GetTotalAllocatedBytes();
    private int _collections = GC.CollectionCount(0);

    public void Observe(in TraceEntry entry, Replay replay)
    {
        sink.Observe(entry, replay);
        if (--_untilLook == 0)
        {
            _untilLook = RecordsBetweenLooks;
            Look();
        }
    }

    private void Look()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        if (collections != _collections)
        {
            _collections = collections;
            _allocatedAtCollection = allocated;
        }
        else if (allocated - _allocatedAtCollection >= Budget)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _collections = GC.CollectionCount(0);
            _allocatedAtCollection = allocated;
        }
    }
}
