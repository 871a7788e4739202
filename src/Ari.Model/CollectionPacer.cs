namespace Ari.Model;

/// <summary>
/// While it lives, a thread of its own looks every couple of milliseconds at what the process has allocated
/// and collects: the first generation once <c>youngEvery</c> bytes were allocated since the last
/// collection, and the whole heap, compacting it, once <c>compactEvery</c> bytes were allocated since the
/// last compaction. A long read allocates many times what it keeps, and the runtime's own collections let
/// that grow the peak with the recording's length: it lets the first generation fill its whole budget (32 MB,
/// which <c>ari show</c>'s speed wants) before collecting, so a short recording ends before it is full and a
/// long one fills it; and its background collections sweep the oldest generation without compacting it, so
/// what the console keeps after a long replay sits in a heap about twice its size. A thread rather than
/// looks from the reading loop, so that every stage is paced (a table merged and written after the replay,
/// a snapshot's copies), not only the replay.
/// </summary>
public sealed class CollectionPacer : IDisposable
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(2);

    private readonly long _youngEvery;
    private readonly long _compactEvery;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <param name="youngEvery">Bytes allocated between two collections of the first generation.</param>
    /// <param name="compactEvery">Bytes allocated between two compacting collections of the whole heap; none by default.</param>
    public CollectionPacer(long youngEvery, long compactEvery = long.MaxValue)
    {
        _youngEvery = youngEvery;
        _compactEvery = compactEvery;
        _thread = new Thread(Run) { IsBackground = true, Name = "ari collection pacer" };
        _thread.Start();
    }

    /// <summary>The first generation's budget the analyses and the console keep to.</summary>
    public const long YoungBytes = 8L << 20;

    /// <summary>What the console's long replays allocate between two compactions (see bench/limits.md).</summary>
    public const long CompactionBytes = 128L << 20;

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        var youngCollections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        var atYoung = allocated;
        var atCompaction = allocated;
        while (!_stop.Token.WaitHandle.WaitOne(LookEvery))
        {
            allocated = GC.GetTotalAllocatedBytes();
            if (allocated - atCompaction >= _compactEvery)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                atCompaction = atYoung = allocated;
            }
            else if (GC.CollectionCount(0) != youngCollections)
            {
                // The runtime collected on its own meanwhile: count from there.
                atYoung = allocated;
            }
            else if (allocated - atYoung >= _youngEvery)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                atYoung = allocated;
            }
            youngCollections = GC.CollectionCount(0);
        }
    }
}
