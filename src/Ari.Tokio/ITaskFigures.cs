namespace Ari.Tokio;

/// <summary>
/// What is reported both for one task and for a group of tasks (<c>ari diff</c>): its wakes by class and
/// its time by state, so the views write them one way.
/// </summary>
public interface ITaskFigures
{
    long SelfWakes { get; }

    long TaskWakes { get; }

    /// <summary>Wakes by a runtime thread with no task polled there (drivers, deferred yields, task ends).</summary>
    long RuntimeWakes { get; }

    long OutsideWakes { get; }

    ulong BusyNanos { get; }

    ulong ScheduledNanos { get; }

    ulong IdleNanos { get; }
}
