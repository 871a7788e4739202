using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One task as it stood at a snapshot's moment: the tracker's own <see cref="TaskSpan"/> of a replay that
/// stopped there (so every figure is the one <c>ari tasks</c> gives for the recording cut at that moment),
/// its state then, and the warnings about it.
/// </summary>
public sealed class TaskRow
{
    internal TaskRow(TaskSpan task, TaskState state)
    {
        Task = task;
        State = state;
        PollDurations = LatencyFigures.Of(task.Latencies?.Polls);
        ScheduledDelays = LatencyFigures.Of(task.Latencies?.Scheduled);
    }

    /// <summary>The tracker's task, frozen at the snapshot's moment: nothing reads further into the recording.</summary>
    public TaskSpan Task { get; }

    public TaskState State { get; }

    /// <summary>Tokio's task ID (what <c>ari tasks</c> shows first); null when the span has no <c>task.id</c>.</summary>
    public ulong? TokioId => Task.TokioId;

    public ulong SpanId => Task.Id;

    public string Name => Task.Name;

    /// <summary>From spawn to close, or to the last thing seen of the task by the snapshot's moment.</summary>
    public ulong TotalNanos => Task.LastAt - Task.FirstAt;

    public LatencyFigures PollDurations { get; }

    public LatencyFigures ScheduledDelays { get; }

    /// <summary>The lint warnings about this task, as of the snapshot's moment, earliest first.</summary>
    public IReadOnlyList<LintOccurrence> Warnings { get; internal set; } = [];

    public override string ToString() => Task.ToString();
}
