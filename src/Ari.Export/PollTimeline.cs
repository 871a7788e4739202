using Ari.Model;
using Ari.Tokio;

namespace Ari.Export;

/// <summary>
/// What every exporter needs from the tracker, as it happens: each poll's start and end with its
/// thread, and each waker event once it is settled, i.e. once the woken task's next poll has begun
/// (so <see cref="WakeReport.NextPollAt"/> is known) or can no longer begin. Holds only live tasks
/// and the wakes still waiting for a poll.
/// </summary>
public sealed class PollTimeline
{
    private readonly Dictionary<TaskSpan, long> _pollsSeen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TaskSpan, List<WakeReport>> _awaitingPoll = new(ReferenceEqualityComparer.Instance);

    public PollTimeline()
    {
        Tracker.WakerUsed += Used;
        Tracker.PollEnded += (task, length, exit) => PollEnded?.Invoke(task, exit.Thread, exit.Timestamp - length, exit.Timestamp);
        Tracker.TaskEnded += Ended;
    }

    public TokioTracker Tracker { get; } = new();

    /// <summary>A task span was created (before any of its polls).</summary>
    public event Action<TaskSpan>? TaskCreated;

    /// <summary>A poll began: the task, the thread, the time. Wakes it answers were settled just before.</summary>
    public event Action<TaskSpan, ThreadTrack, ulong>? PollStarted;

    /// <summary>A poll ended: the task, the thread, start and end.</summary>
    public event Action<TaskSpan, ThreadTrack, ulong, ulong>? PollEnded;

    /// <summary>A wake, wake_by_ref or drop whose next poll is known (or will never come).</summary>
    public event Action<WakeReport>? WakerSettled;

    public void Observe(in TraceEntry entry)
    {
        Tracker.Observe(entry);
        if (entry.Span is not { } span || Tracker.FindTask(span) is not { } task)
        {
            return;
        }
        switch (entry.Op)
        {
            case TraceOp.New:
                _pollsSeen[task] = 0;
                TaskCreated?.Invoke(task);
                break;
            // The tracker counts a poll at its outermost enter: a new count is a new poll.
            case TraceOp.Enter when _pollsSeen.TryGetValue(task, out var seen) && seen != task.Polls.Raw:
                _pollsSeen[task] = task.Polls.Raw;
                Settle(task);
                PollStarted?.Invoke(task, entry.Thread, entry.Timestamp);
                break;
        }
    }

    public void Finish() => Tracker.Finish();

    private void Used(WakeReport report)
    {
        if (report.IsWake && report.Woken is { } woken && !woken.IsClosed)
        {
            if (!_awaitingPoll.TryGetValue(woken, out var waiting))
            {
                waiting = [];
                _awaitingPoll[woken] = waiting;
            }
            waiting.Add(report);
            return;
        }
        WakerSettled?.Invoke(report);
    }

    private void Ended(TaskSpan task)
    {
        Settle(task);
        _pollsSeen.Remove(task);
    }

    private void Settle(TaskSpan task)
    {
        if (_awaitingPoll.Remove(task, out var waiting))
        {
            waiting.ForEach(report => WakerSettled?.Invoke(report));
        }
    }
}
