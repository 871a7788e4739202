using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One task in full at a snapshot's moment: its row (figures, state, latency percentiles, warnings) and
/// every use of its wakers by then (wakes with their class and the waking task, and drops), in order.
/// </summary>
public sealed class TaskDetails
{
    internal TaskDetails(ConsoleSnapshot snapshot, TaskRow task, IReadOnlyList<WakeReport> wakers)
    {
        Snapshot = snapshot;
        Task = task;
        Wakers = wakers;
    }

    public ConsoleSnapshot Snapshot { get; }

    public TaskRow Task { get; }

    /// <summary><c>wake</c>, <c>wake_by_ref</c> and <c>drop</c> of the task's wakers by the moment, in order.</summary>
    public IReadOnlyList<WakeReport> Wakers { get; }

    /// <summary>Wakers cloned and not yet woken or dropped at the moment.</summary>
    public int OutstandingWakers => Task.OutstandingWakers;
}
