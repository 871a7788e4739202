using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Finds tasks left with no way to be woken: a poll ends, or the last waker is dropped, while the task
/// waits (not running, not woken since, not closed) and no clone of its waker is left. Such a task is only
/// suspected until its fate shows: polled or woken again, it was not lost; closed on the thread of its last
/// poll before that thread polled or closed any other task, it had finished (Tokio drops a finished task's
/// future, and the wakers its resources held, right after the poll that returned ready). Closed any other
/// way (by an abort or the runtime's shutdown, which closes the tasks left one after another on a worker,
/// maybe the one that last polled them), or alive at the end, it was lost. A span kept open by its children
/// (the workers <c>block_in_place</c> starts) closes late whatever happened, so proves nothing.
/// <c>block_on</c> (woken through Tokio's parker, no waker events) and blocking tasks (never woken) are not judged.
/// </summary>
internal sealed class LostWakers
{
    private readonly TokioTracker _tracker;
    private readonly Action<ulong, ThreadTrack, string, TaskSpan> _found;
    private readonly Dictionary<TaskSpan, Suspicion> _suspects = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TaskSpan, (ThreadTrack Thread, long TurnsThere)> _lastPoll = new(ReferenceEqualityComparer.Instance);
    /// <summary>How many times each thread has started a poll of a task or closed one.</summary>
    private readonly Dictionary<ThreadTrack, long> _taskTurns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SpanNode, int> _liveChildren = new(ReferenceEqualityComparer.Instance);

    public LostWakers(TokioTracker tracker, Action<ulong, ThreadTrack, string, TaskSpan> found)
    {
        _tracker = tracker;
        _found = found;
        tracker.PollStarted += PollStarted;
        tracker.PollEnded += PollEnded;
        tracker.WakerUsed += WakerUsed;
    }

    /// <summary>Counts the live spans made inside each task span, which keep it open after it ends.</summary>
    public void Observe(in TraceEntry entry)
    {
        if (entry.Op is not (TraceOp.New or TraceOp.Close) || entry.Span?.Parent is not { } parent || _tracker.FindTask(parent) is null)
        {
            return;
        }
        var count = _liveChildren.GetValueOrDefault(parent) + (entry.Op == TraceOp.New ? 1 : -1);
        if (count > 0)
        {
            _liveChildren[parent] = count;
        }
        else
        {
            _liveChildren.Remove(parent);
        }
    }

    public void TaskEnded(TaskSpan task)
    {
        var lastPoll = _lastPoll.Remove(task, out var poll) ? poll : default;
        _liveChildren.Remove(task.Span);
        var finished = task.IsClosed && lastPoll.Thread is not null && ReferenceEquals(task.ClosedOn, lastPoll.Thread)
            && _taskTurns.GetValueOrDefault(lastPoll.Thread) == lastPoll.TurnsThere;
        if (task is { IsClosed: true, ClosedOn: { } closedOn })
        {
            TakeTurn(closedOn);
        }
        if (!_suspects.Remove(task, out var suspect) || suspect.KeptOpen)
        {
            return;
        }
        if (!finished)
        {
            var end = task.IsClosed ? "was closed without being woken" : "was still waiting when the recording ended";
            _found(suspect.At, suspect.Thread, $"{task} ({task.Location}): {suspect.What}; nothing could wake it, and it {end}", task);
        }
    }

    private void PollStarted(TaskSpan task, TraceEntry entry)
    {
        TakeTurn(entry.Thread);
        _suspects.Remove(task);
    }

    private void TakeTurn(ThreadTrack thread) => _taskTurns[thread] = _taskTurns.GetValueOrDefault(thread) + 1;

    private void PollEnded(TaskSpan task, ulong length, TraceEntry exit)
    {
        _lastPoll[task] = (exit.Thread, _taskTurns.GetValueOrDefault(exit.Thread));
        SuspectIfStranded(task, exit.Timestamp, exit.Thread, "its poll ended with no waker left to wake it");
    }

    private void WakerUsed(WakeReport report)
    {
        if (report.Woken is not { } task)
        {
            return;
        }
        if (report.IsWake)
        {
            _suspects.Remove(task);
        }
        else if (!_suspects.ContainsKey(task))
        {
            SuspectIfStranded(task, report.Timestamp, report.Thread, "its last waker was dropped while it waited");
        }
    }

    private void SuspectIfStranded(TaskSpan task, ulong at, ThreadTrack thread, string what)
    {
        if (task is { IsRuntime: false, Kind: "task" or "local", IsRunning: false, IsNotified: false, IsClosed: false, OutstandingWakers: 0 })
        {
            _suspects[task] = new Suspicion(at, thread, what, _liveChildren.ContainsKey(task.Span));
        }
    }

    private sealed record Suspicion(ulong At, ThreadTrack Thread, string What, bool KeptOpen);
}
