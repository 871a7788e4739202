using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One task as it stood at a snapshot's moment, its figures copied from the tracker's own
/// <see cref="TaskSpan"/> of a replay that stopped there (so each is the one <c>ari tasks</c> gives for the
/// recording cut at that moment), with its state then and the warnings about it. A copy, not the task:
/// a snapshot at a recording's end holds every task the program ever spawned, and a row costs a fraction
/// of a task with its span, values and histograms. Kept packed (<see cref="EndedRows{T}"/>) and made
/// when read, alive or ended, by one path (<see cref="Write"/>, then the reading constructor).
/// </summary>
public sealed class TaskRow : ITaskFigures
{
    private readonly TaskNaming _naming;
    private readonly TaskIdentity? _parent;
    private readonly TaskCounts _counts;

    /// <summary>The row packed by <see cref="Write"/>, made again.</summary>
    /// <param name="createdSequence">Its key, kept apart from its figures.</param>
    /// <param name="parts">Where the parts its figures name by number are.</param>
    internal TaskRow(ref RowReader figures, ulong createdSequence, RowParts parts)
    {
        CreatedSequence = createdSequence;
        State = (TaskState)figures.ReadInt();
        TokioId = figures.ReadBool() ? figures.Read() : null;
        SpanId = figures.Read();
        _naming = parts.PartAt<TaskNaming>(figures.ReadInt());
        _parent = TaskIdentity.Read(ref figures, parts);
        FirstAt = figures.Read();
        LastAt = FirstAt + figures.Read();
        BusyNanos = figures.Read();
        ScheduledNanos = figures.Read();
        IdleNanos = figures.Read();
        LongestPollNanos = figures.Read();
        _counts = parts.PartAt<TaskCounts>(figures.ReadInt());
        PollDurations = LatencyFigures.Read(ref figures, parts);
        ScheduledDelays = LatencyFigures.Read(ref figures, parts);
    }

    /// <summary>
    /// Packs the row of <paramref name="task"/> in <paramref name="state"/> (but its key, its span's
    /// creation): its figures, and its parts many rows hold alike by number (<see cref="RowParts"/>).
    /// </summary>
    internal static void Write(RowWriter figures, TaskSpan task, TaskState state, RowParts parts)
    {
        figures.Write((long)state);
        figures.Write(task.TokioId is not null);
        if (task.TokioId is { } tokioId)
        {
            figures.Write(tokioId);
        }
        figures.Write(task.Id);
        figures.Write(parts.NumberOf(TaskNaming.Of(task)));
        TaskIdentity.Write(figures, task.Parent, parts);
        figures.Write(task.FirstAt);
        figures.Write(task.LastAt - task.FirstAt);
        figures.Write(task.BusyNanos);
        figures.Write(task.ScheduledNanos);
        figures.Write(task.IdleNanos);
        figures.Write(task.LongestPollNanos);
        figures.Write(parts.NumberOf(TaskCounts.Of(task)));
        LatencyFigures.Write(figures, task.Latencies?.Polls, parts);
        LatencyFigures.Write(figures, task.Latencies?.Scheduled, parts);
    }

    /// <summary>The row of <paramref name="task"/> in <paramref name="state"/>, made as a packed one is, so a row alive and one ended agree.</summary>
    internal static TaskRow Of(TaskSpan task, TaskState state, RowParts parts, RowWriter scratch)
    {
        scratch.Clear();
        Write(scratch, task, state, parts);
        var figures = new RowReader(scratch.Written);
        return new TaskRow(ref figures, task.Span.CreatedSequence, parts);
    }

    public TaskState State { get; }

    /// <summary>Tokio's task ID (what <c>ari tasks</c> shows first); null when the span has no <c>task.id</c>.</summary>
    public ulong? TokioId { get; }

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
