namespace Ari.Tokio;

/// <summary>
/// What one thread did lately that matters for telling a deferred <c>yield_now</c> wake apart.
/// Tokio 1.24 keeps yielded wakers in a per-thread defer list and wakes them all when the worker
/// parks (after the driver's own wakes), before it polls anything else. So a deferred wake comes
/// on the thread that made the clone, outside any task, within the same window; a window closes
/// when the thread, having woken something from outside a task, polls a task again.
/// </summary>
internal sealed class ThreadWakes
{
    private bool _wokeOutside;

    /// <summary>The current deferral window.</summary>
    public long Epoch { get; private set; }

    public void WokeOutside() => _wokeOutside = true;

    public void PollStarted()
    {
        if (_wokeOutside)
        {
            Epoch++;
            _wokeOutside = false;
        }
    }
}
