using Ari.Model;
using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// Replays a recording up to a moment through one <see cref="TokioAnalysis"/> (tracker and linter, with
/// latencies kept and resources followed) and turns what it hands out into a <see cref="ConsoleSnapshot"/>:
/// each task is copied into a row as the tracker hands it out (as it closes, or at the end with its state
/// then), so the tracker's objects go as they would in <c>ari tasks</c>. The rows of what closed are
/// shared with every copy of this builder (<see cref="EndedRows{T}"/>), which holds only how many it has
/// reached; <see cref="Finish"/> ends the analysis, so a snapshot that the replay goes on from is made by
/// a copy (<see cref="StateCopy"/>).
/// </summary>
internal sealed class SnapshotBuilder : IEntrySink
{
    private readonly TokioAnalysis _analysis = new(parts: AnalysisParts.Lint, followResources: true);
    private readonly RowParts _parts = new();
    private readonly EndedRows<TaskRow> _endedTasks;
    private readonly EndedRows<ResourceRow> _endedResources;
    private readonly Dictionary<ulong, List<WakeReport>> _wakers = [];
    private int _tasksEnded;
    private int _resourcesEnded;
    /// <summary>How many of the tasks that ended by now were in each state when they did: a snapshot counts them without making their rows.</summary>
    private readonly int[] _endedByState = new int[Enum.GetValues<TaskState>().Length];
    /// <summary>Set by <see cref="Finish"/>: what the tracker hands out from then on was alive at the moment, not ended; its rows are made with it.</summary>
    private RowWriter? _finishing;
    private readonly List<TaskRow> _aliveTasks = [];
    private readonly List<ResourceRow> _aliveResources = [];

    public SnapshotBuilder()
    {
        // The rows outlive this builder (every copy shares them): what makes them again holds the parts alone.
        var parts = _parts;
        _endedTasks = new EndedRows<TaskRow>((ref figures, key) => new TaskRow(ref figures, key, parts));
        _endedResources = new EndedRows<ResourceRow>((ref figures, key) => new ResourceRow(ref figures, key, parts));
        _analysis.Tracker.KeepLatencies();
        _analysis.Tracker.TaskEnded += task =>
        {
            var state = StateOf(task);
            if (_finishing is not null)
            {
                _aliveTasks.Add(TaskRow.Of(task, state, _parts, _finishing));
            }
            else
            {
                _endedByState[(int)state]++;
                _endedTasks.Take(_tasksEnded++, task.Span.CreatedSequence, task, (figures, task) => TaskRow.Write(figures, task, state, _parts));
            }
        };
        _analysis.Tracker.ResourceEnded += resource =>
        {
            if (_finishing is not null)
            {
                _aliveResources.Add(ResourceRow.Of(resource, _parts, _finishing));
            }
            else
            {
                _endedResources.Take(_resourcesEnded++, resource.Span.CreatedSequence, resource, (figures, resource) => ResourceRow.Write(figures, resource, _parts));
            }
        };
    }

    /// <summary>The analysis's tracker, for a search that listens to its reports while the builder replays.</summary>
    public TokioTracker Tracker => _analysis.Tracker;

    /// <summary>The first entry's timestamp; null until one came.</summary>
    public ulong? First { get; private set; }

    /// <summary>The last entry's timestamp.</summary>
    public ulong Last { get; private set; }

    /// <summary>Unix time in nanoseconds of the stream's timestamp 0 (the tap's wall-clock anchor).</summary>
    public ulong AnchorUnixNanos { get; private set; }

    /// <summary>
    /// Keeps the uses of the wakers of the tasks with Tokio's task ID <paramref name="tokioId"/>, for
    /// <see cref="WakersOf"/>: only for one task's details, since every report kept lives to the end.
    /// </summary>
    public void KeepWakersOf(ulong tokioId) => _analysis.Tracker.WakerUsed += report =>
    {
        if (report.Woken is { } woken && woken.TokioId == tokioId)
        {
            var key = woken.Span.CreatedSequence;
            (_wakers.TryGetValue(key, out var list) ? list : _wakers[key] = []).Add(report);
        }
    };

    public IReadOnlyList<WakeReport> WakersOf(TaskRow task) => _wakers.GetValueOrDefault(task.CreatedSequence) ?? [];

    public void Observe(in TraceEntry entry, Replay replay)
    {
        if (First is null)
        {
            First = entry.Timestamp;
            AnchorUnixNanos = replay.UnixNanos(0);
        }
        Last = entry.Timestamp;
        LastSequence = entry.Sequence;
        _analysis.Observe(entry, replay);
    }

    /// <summary>The last entry's sequence number: a checkpoint before a task's creation has seen none of its wakes.</summary>
    public ulong LastSequence { get; private set; }

    /// <summary>Ends the analysis: the snapshot at <paramref name="at"/>. A builder finishes once.</summary>
    public ConsoleSnapshot Finish(RecordingSummary recording, ulong at)
    {
        _finishing = new RowWriter();
        // Before the recording's end, or at the end of one the program had not finished writing (live, or
        // cut), what only the program's end can show is no warning yet.
        _analysis.Finish(recordingGoesOn: at < recording.End || !recording.Ending.StreamEndSeen);
        var findings = _analysis.Linter.Findings;
        var warnings = WarningsByTask(findings);
        var tasks = new SnapshotRows<TaskRow>(_endedTasks, _tasksEnded, _aliveTasks, row => row.CreatedSequence,
            row => row.Warnings = warnings.GetValueOrDefault(row.CreatedSequence) ?? []);
        var resources = new SnapshotRows<ResourceRow>(_endedResources, _resourcesEnded, _aliveResources, row => row.CreatedSequence, complete: null);
        var byState = (int[])_endedByState.Clone();
        foreach (var task in _aliveTasks)
        {
            byState[(int)task.State]++;
        }
        return new ConsoleSnapshot(recording, at, tasks, resources, findings, byState);
    }

    private static Dictionary<ulong, IReadOnlyList<LintOccurrence>> WarningsByTask(IReadOnlyList<LintFinding> findings) =>
        findings.SelectMany(finding => finding.Occurrences)
            .Where(occurrence => occurrence.TaskSequence is not null)
            .GroupBy(occurrence => occurrence.TaskSequence!.Value)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<LintOccurrence>)group.OrderBy(occurrence => occurrence.At).ToList());

    private static TaskState StateOf(TaskSpan task) =>
        task.IsClosed ? TaskState.Done
        : task.IsRunning ? TaskState.Running
        : task.IsNotified ? TaskState.Scheduled
        : TaskState.Idle;
}
