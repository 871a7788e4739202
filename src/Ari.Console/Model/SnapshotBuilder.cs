using Ari.Model;
using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// Replays a recording up to a moment through one <see cref="TokioAnalysis"/> (tracker and linter, with
/// latencies kept and resources followed) and turns what it hands out into a <see cref="ConsoleSnapshot"/>:
/// each task is copied into a row as the tracker hands it out (as it closes, or at the end with its state
/// then), so the tracker's objects go as they would in <c>ari tasks</c>.
/// </summary>
internal sealed class SnapshotBuilder : IEntrySink
{
    private readonly TokioAnalysis _analysis = new(parts: AnalysisParts.Lint, followResources: true);
    private readonly List<TaskRow> _tasks = [];
    private readonly List<ResourceRow> _resources = [];
    private readonly Dictionary<ulong, List<WakeReport>> _wakers = [];

    public SnapshotBuilder()
    {
        _analysis.Tracker.KeepLatencies();
        _analysis.Tracker.TaskEnded += task => _tasks.Add(new TaskRow(task, StateOf(task)));
        _analysis.Tracker.ResourceEnded += resource => _resources.Add(new ResourceRow(resource));
    }

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
        _analysis.Observe(entry, replay);
    }

    public ConsoleSnapshot Finish(RecordingSummary recording, ulong at)
    {
        _analysis.Finish();
        _tasks.Sort((a, b) => a.CreatedSequence.CompareTo(b.CreatedSequence));
        _resources.Sort((a, b) => a.CreatedSequence.CompareTo(b.CreatedSequence));
        var findings = _analysis.Linter.Findings;
        AttachWarnings(findings);
        return new ConsoleSnapshot(recording, at, _tasks, _resources, findings);
    }

    private void AttachWarnings(IReadOnlyList<LintFinding> findings)
    {
        var byTask = findings.SelectMany(finding => finding.Occurrences)
            .Where(occurrence => occurrence.TaskSequence is not null)
            .GroupBy(occurrence => occurrence.TaskSequence!.Value)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<LintOccurrence>)group.OrderBy(occurrence => occurrence.At).ToList());
        foreach (var task in _tasks)
        {
            if (byTask.TryGetValue(task.CreatedSequence, out var warnings))
            {
                task.Warnings = warnings;
            }
        }
    }

    private static TaskState StateOf(TaskSpan task) =>
        task.IsClosed ? TaskState.Done
        : task.IsRunning ? TaskState.Running
        : task.IsNotified ? TaskState.Scheduled
        : TaskState.Idle;
}
