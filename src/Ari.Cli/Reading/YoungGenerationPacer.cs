namespace Ari.Cli;

/// <summary>
/// While it lives, collects the first generation whenever the process has allocated <see cref="Budget"/>
/// bytes since the last collection, looking every couple of milliseconds from a thread of its own. The
/// analyses keep a few MB alive whatever the recording's length, but the runtime lets the first generation
/// fill its whole budget (32 MB, which <c>ari show</c>'s speed wants) before collecting: a short recording
/// ended before it was full and a long one filled it, in its replay and again while a table is merged and
/// written, so the peak grew with the length for garbage alone. A small young generation keeps the peak
/// what is alive plus the budget, for short and long recordings alike. A thread rather than a count of
/// records, so that every stage of a command is paced, not only the replay.
/// </summary>
internal sealed class YoungGenerationPacer : IDisposable
{
    public const long Budget = 8 << 20;
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public YoungGenerationPacer()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "ari young generation pacer" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        var collections = GC.CollectionCount(0);
        var allocatedAtCollection = GC.GetTotalAllocatedBytes();
        while (!_stop.Token.WaitHandle.WaitOne(LookEvery))
        {
            var allocated = GC.GetTotalAllocatedBytes();
            if (GC.CollectionCount(0) != collections)
            {
                // The runtime collected on its own meanwhile: count from there.
                collections = GC.CollectionCount(0);
                allocatedAtCollection = allocated;
            }
            else if (allocated - allocatedAtCollection >= Budget)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                collections = GC.CollectionCount(0);
                allocatedAtCollection = allocated;
            }
        }
    }
}
