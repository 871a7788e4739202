using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One task as it stood at a snapshot's moment, its figures copied from the tracker's own
/// <see cref="TaskSpan"/> of a replay that stopped there (so each is the one <c>ari tasks</c> gives for the
/// recording cut at that moment), with its state then and the warnings about it. A copy, not the task:
/// a snapshot at a recording's end holds every task the program ever spawned, and a row costs a fraction
/// of a task with its span, values and histograms.
/// </summary>
public sealed class TaskRow : ITaskFigures
{
    private readonly TaskNaming _naming;
    private readonly TaskIdentity? _parent;
    // Tokio's task ID and whether there is one, apart: a nullable ulong takes twice a ulong's room in every row.
    private readonly ulong _tokioId;
    private readonly bool _hasTokioId;
    private readonly TaskCounts _counts;

    /// <param name="parts">Where the parts many rows hold alike are shared.</param>
    internal TaskRow(TaskSpan task, TaskState state, RowParts parts)
    {
        State = state;
        (_hasTokioId, _tokioId) = task.TokioId is { } id ? (true, id) : (false, 0UL);
        SpanId = task.Id;
        CreatedSequence = task.Span.CreatedSequence;
        _naming = parts.Share(TaskNaming.Of(task));
        _parent = TaskIdentity.Of(task.Parent, parts);
        FirstAt = task.FirstAt;
        LastAt = task.LastAt;
        BusyNanos = task.BusyNanos;
        ScheduledNanos = task.ScheduledNanos;
        IdleNanos = task.IdleNanos;
        LongestPollNanos = task.LongestPollNanos;
        _counts = parts.Share(TaskCounts.Of(task));
        PollDurations = LatencyFigures.Of(task.Latencies?.Polls, parts);
        ScheduledDelays = LatencyFigures.Of(task.Latencies?.Scheduled, parts);
    }

    public TaskState State { get; }

    /// <summary>Tokio's task ID (what <c>ari tasks</c> shows first); null when the span has no <c>task.id</c>.</summary>
    public ulong? TokioId => _hasTokioId ? _tokioId : null;

    /// <summary>The task's <c>runtime.spawn</c> span ID.</summary>
    public ulong SpanId { get; }

    /// <summary>When the span was made, in the stream's sequence: with the span ID, the task's identity (tracing reuses span IDs).</summary>
    public ulong CreatedSequence { get; }

    /// <summary><c>task</c>, <c>local</c>, <c>block_on</c> or <c>blocking</c>.</summary>
    public string Kind => _naming.Kind;

    public string Name => _naming.Name;

    /// <summary>The task as ari names it elsewhere: <c>receiver (task 3)</c>.</summary>
    public string Label => TaskSpan.Label(Name, Kind, TokioId, SpanId);

    /// <summary>A Tokio worker's own blocking span (<see cref="TaskSpan.IsRuntime"/>).</summary>
    public bool IsRuntime => _naming.IsRuntime;

    public string? Location => _naming.Location;

    /// <summary>The spawn span's target (the callsite's, shared, not copied): what <c>/</c> filters by besides name and location.</summary>
    public string Target => _naming.Target;

    /// <summary>The spawning task's label, when known.</summary>
    public string? Parent => _parent?.Label;

    /// <summary>Spawn.</summary>
    public ulong FirstAt { get; }

    /// <summary>Close, or the last thing seen of the task by the snapshot's moment.</summary>
    public ulong LastAt { get; }

    /// <summary>From spawn to <see cref="LastAt"/>: busy, scheduled and idle time together.</summary>
    public ulong TotalNanos => LastAt - FirstAt;

    public ulong BusyNanos { get; }

    public ulong ScheduledNanos { get; }

    public ulong IdleNanos { get; }

    public ulong LongestPollNanos { get; }

    public PollCounter Polls => _counts.Polls;

    public long SelfWakes => _counts.SelfWakes;

    public long TaskWakes => _counts.TaskWakes;

    public long RuntimeWakes => _counts.RuntimeWakes;

    public long OutsideWakes => _counts.OutsideWakes;

    public long Wakes => SelfWakes + TaskWakes + RuntimeWakes + OutsideWakes;

    public double SelfWakeShare => _counts.SelfWakeShare;

    public long WakerClones => _counts.WakerClones;

    public long WakerDrops => _counts.WakerDrops;

    public long WakersDroppedUnwoken => _counts.WakersDroppedUnwoken;

    /// <summary>Wakers cloned and not yet woken or dropped at the moment.</summary>
    public int OutstandingWakers => _counts.OutstandingWakers;

    public LatencyFigures PollDurations { get; }

    public LatencyFigures ScheduledDelays { get; }

    /// <summary>The lint warnings about this task, as of the snapshot's moment, earliest first.</summary>
    public IReadOnlyList<LintOccurrence> Warnings { get; internal set; } = [];

    public override string ToString() => Label;
}
