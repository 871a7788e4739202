using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Finds polls that run longer than the limit without yielding. A poll's own time leaves out the polls
/// of other tasks nested in it on its thread (a <c>LocalSet</c>'s tasks run inside <c>block_on</c>'s poll),
/// and a poll that called <c>block_in_place</c> is not counted: Tokio then hands the worker on and
/// starts another (a worker span made inside the poll), so blocking there is what the call is for.
/// </summary>
internal sealed class LongPolls
{
    private readonly Dictionary<ThreadTrack, List<OpenPoll>> _open = new(ReferenceEqualityComparer.Instance);
    private readonly ulong _limit;
    private readonly Action<ulong, ThreadTrack, string, TaskSpan> _found;

    public LongPolls(TokioTracker tracker, ulong limitNanos, Action<ulong, ThreadTrack, string, TaskSpan> found)
    {
        _limit = limitNanos;
        _found = found;
        tracker.PollStarted += (task, entry) => Open(entry.Thread).Add(new OpenPoll(task));
        tracker.PollEnded += Ended;
        tracker.TaskCreated += Created;
    }

    private void Created(TaskSpan task)
    {
        if (task.IsRuntime && task.Parent is { } parent && Find(Open(task.CreatedOn), parent) is { } poll)
        {
            poll.BlockedInPlace = true;
        }
    }

    private void Ended(TaskSpan task, ulong length, TraceEntry exit)
    {
        var open = Open(exit.Thread);
        var poll = Find(open, task);
        if (poll is null)
        {
            return;
        }
        open.Remove(poll);
        if (open.Count > 0)
        {
            open[^1].Nested += length;
        }
        var own = length > poll.Nested ? length - poll.Nested : 0;
        if (own > _limit && !poll.BlockedInPlace && !task.IsRuntime && task.Kind != "blocking")
        {
            var nested = poll.Nested > 0 ? $" (of {Durations.Text(length)}, less the polls of tasks inside it)" : "";
            _found(exit.Timestamp - length, exit.Thread,
                $"{task} ({task.Location}) polled for {Durations.Text(own)}{nested} without yielding", task);
        }
    }

    private static OpenPoll? Find(List<OpenPoll> open, TaskSpan task)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(open[i].Task, task))
            {
                return open[i];
            }
        }
        return null;
    }

    private List<OpenPoll> Open(ThreadTrack thread)
    {
        if (!_open.TryGetValue(thread, out var open))
        {
            open = [];
            _open[thread] = open;
        }
        return open;
    }

    private sealed class OpenPoll(TaskSpan task)
    {
        public TaskSpan Task { get; } = task;

        public ulong Nested { get; set; }

        public bool BlockedInPlace { get; set; }
    }
}
