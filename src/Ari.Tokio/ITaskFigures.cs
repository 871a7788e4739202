namespace Ari.Tokio;

/// <summary>
/// What is reported both for one task and for a group of tasks (<c>ari diff</c>): its wakes by class and
/// its time by state, so the views write them one way.
/// </summary>
public interface ITaskFigures
{
    long SelfWakes { get; }

    /// <summary>The self-wakes Tokio deferred to the worker's next park (<c>yield_now</c>).</summary>
    long DeferredSelfWakes { get; }

    long TaskWakes { get; }

    long OutsideWakes { get; }

    ulong BusyNanos { get; }

    ulong ScheduledNanos { get; }

    ulong IdleNanos { get; }
}
