namespace Ari.Tokio;

/// <summary>
/// A task's latencies, for percentiles: each poll's length, and each delay from a wake (or the spawn) to
/// the poll that follows. Kept only when an analysis asks (<see cref="TokioTracker.KeepLatencies"/>),
/// and gone with the task.
/// </summary>
public sealed class TaskLatencies
{
    private LatencyHistogram _polls;
    private LatencyHistogram _scheduled;

    public LatencyHistogram Polls => _polls;

    public LatencyHistogram Scheduled => _scheduled;

    internal void PollEnded(ulong length) => _polls.Record(length);

    internal void PollStarted(ulong scheduledFor) => _scheduled.Record(scheduledFor);
}
