using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Console.Tests;

/// <summary>
/// What the tracker reports of every task through a whole recording, by the task's span creation: when
/// its polls began and ended, whether it was notified when a poll ended, and its wakes (when, and
/// whether it was being polled then, and when it was next polled).
/// </summary>
internal sealed class TaskMoments : IEntrySink
{
    private readonly TokioTracker _tracker = new(followResources: false);

    private TaskMoments()
    {
        _tracker.PollStarted += (task, entry) => PollStarts.Add((task.Span.CreatedSequence, entry.Timestamp));
        _tracker.PollEnded += (task, _, entry) => PollEnds.Add((task.Span.CreatedSequence, entry.Timestamp, task.IsNotified));
        _tracker.WakerUsed += report =>
        {
            if (report.IsWake && report.Woken is { } woken)
            {
                Wakes.Add((woken.Span.CreatedSequence, report.Timestamp, woken.IsRunning, report));
            }
        };
    }

    public List<(ulong Task, ulong At)> PollStarts { get; } = [];

    public List<(ulong Task, ulong At, bool Notified)> PollEnds { get; } = [];

    public List<(ulong Task, ulong At, bool WhileRunning, WakeReport Report)> Wakes { get; } = [];

    public static TaskMoments Of(string path)
    {
        var moments = new TaskMoments();
        using var source = RecordSource.OpenFile(path);
        new Replay().Play(source, moments);
        moments._tracker.Finish();
        return moments;
    }

    /// <summary>Every poll start and wake of a task, in time order.</summary>
    public List<ulong> ActivityOf(ulong task) =>
        PollStarts.Where(poll => poll.Task == task).Select(poll => poll.At)
            .Concat(Wakes.Where(wake => wake.Task == task).Select(wake => wake.At))
            .Order().ToList();

    public void Observe(in TraceEntry entry, Replay replay) => _tracker.Observe(entry);
}
