using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One pass over a recording for the analysis commands: a tracker and a linter, and everything they
/// hand out collected (tasks, wakes and drops, resources, state changes, events without a resource).
/// </summary>
public sealed class TokioAnalysis
{
    private readonly List<TaskSpan> _tasks = [];
    private readonly List<WakeReport> _wakers = [];
    private readonly List<ResourceSpan> _resources = [];
    private readonly List<StateUpdate> _updates = [];
    private readonly List<UnattributedEvent> _unattributed = [];

    public TokioAnalysis(LintOptions? lint = null)
    {
        Tracker = new TokioTracker();
        Linter = new TokioLinter(Tracker, lint);
        Tracker.TaskEnded += _tasks.Add;
        Tracker.WakerUsed += _wakers.Add;
        Tracker.ResourceEnded += _resources.Add;
        Tracker.StateUpdated += _updates.Add;
        Tracker.Unattributed += _unattributed.Add;
    }

    public TokioTracker Tracker { get; }

    public TokioLinter Linter { get; }

    /// <summary>The replay the entries came from (its clock anchor turns timestamps into dates).</summary>
    public Replay? Replay { get; private set; }

    /// <summary>The first entry's timestamp: tables show times relative to it.</summary>
    public ulong Start { get; private set; }

    /// <summary>Every task, in order of creation (after <see cref="Finish"/>).</summary>
    public IReadOnlyList<TaskSpan> Tasks => _tasks;

    /// <summary>Every <c>wake</c>, <c>wake_by_ref</c> and <c>drop</c>, in order.</summary>
    public IReadOnlyList<WakeReport> Wakers => _wakers;

    public IEnumerable<WakeReport> Wakes => _wakers.Where(report => report.IsWake);

    /// <summary>Every resource, in order of creation (after <see cref="Finish"/>).</summary>
    public IReadOnlyList<ResourceSpan> Resources => _resources;

    public IReadOnlyList<StateUpdate> StateUpdates => _updates;

    public IReadOnlyList<UnattributedEvent> Unattributed => _unattributed;

    public void Observe(in TraceEntry entry, Replay replay)
    {
        if (Replay is null)
        {
            Replay = replay;
            Start = entry.Timestamp;
        }
        Tracker.Observe(entry);
        Linter.Observe(entry);
    }

    public void Finish()
    {
        Tracker.Finish();
        if (Replay is not null)
        {
            Linter.Finish(Replay);
        }
        _tasks.Sort((a, b) => a.Span.CreatedSequence.CompareTo(b.Span.CreatedSequence));
        _resources.Sort((a, b) => a.Span.CreatedSequence.CompareTo(b.Span.CreatedSequence));
    }

    /// <summary>A task's label for people: <c>name[span ID]</c>, or <c>kind[span ID]</c> when unnamed.</summary>
    public static string Label(TaskSpan? task, ulong id) => task?.ToString() ?? $"task[{id}]";
}
