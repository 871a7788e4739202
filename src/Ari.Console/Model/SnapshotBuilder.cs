using Ari.Model;
using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// Replays a recording up to a moment through one <see cref="TokioAnalysis"/> (tracker and linter, with
/// latencies kept and resources followed) and turns what it hands out at the end into a
/// <see cref="ConsoleSnapshot"/>: each task's state is read as the tracker hands it out, before anything
/// later can change it.
/// </summary>
internal sealed class SnapshotBuilder : IEntrySink
{
    private readonly TokioAnalysis _analysis = new(parts: AnalysisParts.Lint, followResources: true);
    private readonly List<TaskRow> _tasks = [];
    private readonly List<ResourceRow> _resources = [];
    private readonly Dictionary<TaskSpan, List<WakeReport>> _wakers = new(ReferenceEqualityComparer.Instance);

    public SnapshotBuilder()
    {
        _analysis.Tracker.KeepLatencies();
        _analysis.Tracker.TaskEnded += task => _tasks.Add(new TaskRow(task, StateOf(task)));
        _analysis.Tracker.ResourceEnded += resource => _resources.Add(new ResourceRow(resource));
    }

    /// <summary>
    /// Keeps the uses of the wakers of the tasks with Tokio's task ID <paramref name="tokioId"/>, for
    /// <see cref="WakersOf"/>: only for one task's details, since every report kept lives to the end.
    /// </summary>
    public void KeepWakersOf(ulong tokioId) => _analysis.Tracker.WakerUsed += report =>
    {
        if (report.Woken is { } woken && woken.TokioId == tokioId)
        {
            (_wakers.TryGetValue(woken, out var list) ? list : _wakers[woken] = []).Add(report);
        }
    };

    public IReadOnlyList<WakeReport> WakersOf(TaskSpan task) => _wakers.GetValueOrDefault(task) ?? [];

    /// <summary>The first entry's timestamp; null until one came.</summary>
    public ulong? First { get; private set; }

    /// <summary>The last entry's timestamp.</summary>
    public ulong Last { get; private set; }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        First ??= entry.Timestamp;
        Last = entry.Timestamp;
        _analysis.Observe(entry, replay);
    }

    public ConsoleSnapshot Finish(RecordingSummary recording, ulong at)
    {
        _analysis.Finish();
        _tasks.Sort((a, b) => a.Task.Span.CreatedSequence.CompareTo(b.Task.Span.CreatedSequence));
        _resources.Sort((a, b) => a.Resource.Span.CreatedSequence.CompareTo(b.Resource.Span.CreatedSequence));
        return new ConsoleSnapshot(recording, at, _tasks, _resources, _analysis.Linter.Findings);
    }

    private static TaskState StateOf(TaskSpan task) =>
        task.IsClosed ? TaskState.Done
        : task.IsRunning ? TaskState.Running
        : task.IsNotified ? TaskState.Scheduled
        : TaskState.Idle;
}
