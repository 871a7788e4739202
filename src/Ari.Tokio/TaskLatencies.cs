namespace Ari.Tokio;

/// <summary>
/// A task's latencies, for percentiles: each poll's length, and each delay from a wake (or the spawn) to
/// the poll that follows. Kept only when an analysis asks (<see cref="TokioTracker.KeepLatencies"/>),
/// and gone with the task.
/// </summary>
public sealed class TaskLatencies
{
    public LatencyHistogram Polls { get; } = new();

    public LatencyHistogram Scheduled { get; } = new();
}
