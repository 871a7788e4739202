namespace Ari.Console.Model;

/// <summary>
/// A compacting collection each time a long replay has allocated so many bytes more. A replay allocates
/// many times what it keeps (the analysis's objects of tasks that live a while, then die after the
/// collector promoted them), and the collections the runtime makes meanwhile sweep without compacting,
/// so the heap grows to about twice what is alive; a compaction every so many bytes keeps it nearer what
/// is alive, for one collection of what is kept each time (see bench/limits.md). A short replay (a jump
/// through a short recording) allocates less than the spacing and never pays for one.
/// </summary>
internal sealed class HeapCompactions
{
    private const long BytesBetween = 128L << 20;

    private long _next = GC.GetTotalAllocatedBytes() + BytesBetween;

    /// <summary>Compacts when the replay has allocated the spacing since the last compaction (or since this was made).</summary>
    public void Look()
    {
        if (GC.GetTotalAllocatedBytes() < _next)
        {
            return;
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        _next = GC.GetTotalAllocatedBytes() + BytesBetween;
    }
}
