using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One pass over a recording for the analysis commands: a tracker, a linter, and what they hand out
/// collected (tasks, wakes and drops, resources, state changes, events without a resource), each only
/// when asked for (<see cref="AnalysisParts"/>).
/// </summary>
public sealed class TokioAnalysis : IEntrySink
{
    private readonly AnalysisParts _parts;
    private readonly List<TaskSpan> _tasks = [];
    private readonly List<WakeReport> _wakers = [];
    private readonly List<ResourceSpan> _resources = [];
    private readonly List<StateUpdate> _updates = [];
    private readonly List<UnattributedEvent> _unattributed = [];
    private readonly TokioLinter? _linter;

    /// <summary>The parts that need resources followed (the linter checks resources too).</summary>
    private const AnalysisParts ResourceParts =
        AnalysisParts.Resources | AnalysisParts.StateUpdates | AnalysisParts.Unattributed | AnalysisParts.Lint;

    /// <param name="lint">The linter's options, when <paramref name="parts"/> has <see cref="AnalysisParts.Lint"/>.</param>
    /// <param name="parts">What to keep.</param>
    /// <param name="followResources">
    /// Follow resources even when no part kept needs them: for a view that writes the tracker's resource
    /// reports as they come.
    /// </param>
    public TokioAnalysis(LintOptions? lint = null, AnalysisParts parts = AnalysisParts.All, bool followResources = false)
    {
        _parts = parts;
        Tracker = new TokioTracker(followResources: followResources || (parts & ResourceParts) != 0);
        if (parts.HasFlag(AnalysisParts.Lint))
        {
            _linter = new TokioLinter(Tracker, lint);
        }
        if (parts.HasFlag(AnalysisParts.Tasks))
        {
            Tracker.TaskEnded += _tasks.Add;
        }
        if (parts.HasFlag(AnalysisParts.Wakers))
        {
            Tracker.WakerUsed += _wakers.Add;
        }
        if (parts.HasFlag(AnalysisParts.Resources))
        {
            Tracker.ResourceEnded += _resources.Add;
        }
        if (parts.HasFlag(AnalysisParts.StateUpdates))
        {
            Tracker.StateUpdated += _updates.Add;
        }
        if (parts.HasFlag(AnalysisParts.Unattributed))
        {
            Tracker.Unattributed += _unattributed.Add;
        }
    }

    public TokioTracker Tracker { get; }

    /// <summary>
    /// Raised at the end of <see cref="Finish"/>, after the tracker has handed out the tasks and resources
    /// still alive: a view that writes as the tracker reports writes what it still holds.
    /// </summary>
    public event Action? Finished;

    public TokioLinter Linter => _linter ?? throw NotKept(AnalysisParts.Lint);

    /// <summary>The replay the entries came from (its clock anchor turns timestamps into dates).</summary>
    public Replay? Replay { get; private set; }

    /// <summary>The first entry's timestamp: tables show times relative to it.</summary>
    public ulong Start { get; private set; }

    /// <summary>Every task, in order of creation (after <see cref="Finish"/>).</summary>
    public IReadOnlyList<TaskSpan> Tasks => Kept(AnalysisParts.Tasks, _tasks);

    /// <summary>Every <c>wake</c>, <c>wake_by_ref</c> and <c>drop</c>, in order.</summary>
    public IReadOnlyList<WakeReport> Wakers => Kept(AnalysisParts.Wakers, _wakers);

    public IEnumerable<WakeReport> Wakes => Wakers.Where(report => report.IsWake);

    /// <summary>Every resource, in order of creation (after <see cref="Finish"/>).</summary>
    public IReadOnlyList<ResourceSpan> Resources => Kept(AnalysisParts.Resources, _resources);

    public IReadOnlyList<StateUpdate> StateUpdates => Kept(AnalysisParts.StateUpdates, _updates);

    public IReadOnlyList<UnattributedEvent> Unattributed => Kept(AnalysisParts.Unattributed, _unattributed);

    public void Observe(in TraceEntry entry, Replay replay)
    {
        if (Replay is null)
        {
            Replay = replay;
            Start = entry.Timestamp;
        }
        Tracker.Observe(entry);
        _linter?.Observe(entry);
    }

    /// <param name="recordingGoesOn">
    /// The analysis stops at a moment the program went on past (the console's time cursor, a live
    /// program, a recording without the tap's end record), not at the program's end: the linter leaves out
    /// what only that end can show (<see cref="TokioLinter.RecordingGoesOn"/>).
    /// </param>
    public void Finish(bool recordingGoesOn = false)
    {
        if (_linter is not null)
        {
            _linter.RecordingGoesOn = recordingGoesOn;
        }
        Tracker.Finish();
        if (Replay is not null)
        {
            _linter?.Finish(Replay);
        }
        _tasks.Sort((a, b) => a.Span.CreatedSequence.CompareTo(b.Span.CreatedSequence));
        _resources.Sort((a, b) => a.Span.CreatedSequence.CompareTo(b.Span.CreatedSequence));
        Finished?.Invoke();
    }

    /// <summary>A part asked for, or a mistake in the command that reads one it did not ask for.</summary>
    private IReadOnlyList<T> Kept<T>(AnalysisParts part, List<T> items) =>
        _parts.HasFlag(part) ? items : throw NotKept(part);

    private static InvalidOperationException NotKept(AnalysisParts part) =>
        new($"this analysis was not asked to keep {part} (see AnalysisParts)");

    /// <summary>A task's label for people: <c>name[span ID]</c>, or <c>kind[span ID]</c> when unnamed.</summary>
    public static string Label(TaskSpan? task, ulong id) => task?.ToString() ?? $"task[{id}]";
}
