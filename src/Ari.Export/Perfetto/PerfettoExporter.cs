using Ari.Model;
using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// <c>ari export --format perfetto</c>: a track per thread (every span entered there, as slices), tasks
/// on a bounded number of lanes (their polls, and the idle and scheduled gaps between them; see
/// <see cref="TaskLanes"/>), a flow arrow per wake from the waking task (or the waking thread, for wakes by
/// the runtime or from outside it) to the woken task's next poll, and counter tracks for numeric resource
/// attributes (bounded too; see <see cref="ResourceCounters"/>). Processes are ordered threads, tasks, resources.
/// </summary>
public sealed class PerfettoExporter : IRecordingExporter
{
    private const int ThreadsPid = 1;
    private const int TasksPid = 2;
    private const int ResourcesPid = 3;

    private readonly Func<ulong, ITimelineWriter> _open;
    private readonly Func<TraceEntry, Replay, bool>? _filter;
    private readonly TokioTracker _tracker = new();
    private readonly TaskLanes _lanes;
    private readonly ResourceCounters _counters;
    private readonly Dictionary<TaskSpan, TaskTimeline> _tasks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ThreadTrack, List<(SpanNode Span, ulong At, bool Shown)>> _entered = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<WakeReport, (int Pid, int Tid)> _wakers = new(ReferenceEqualityComparer.Instance);
    private ITimelineWriter? _writer;
    private ulong _flows;

    /// <summary>Whether the filter shows the entry being observed (every tracker callback is about it).</summary>
    private bool _shown;

    /// <param name="open">Opens the trace's writer, given the recording's anchor (Unix nanoseconds at its clock's zero).</param>
    /// <param name="filter">
    /// The entries to export (null: all). Every entry still goes through the tracker, so polls, gaps and
    /// wake classes are those of the whole recording; the filter picks which of them are drawn.
    /// </param>
    public PerfettoExporter(Func<ulong, ITimelineWriter> open, Func<TraceEntry, Replay, bool>? filter = null)
        : this(open, filter, new TaskLanes(), new ResourceCounters())
    {
    }

    /// <summary>Chrome's trace-event JSON into <paramref name="output"/>.</summary>
    public PerfettoExporter(Stream output, Func<TraceEntry, Replay, bool>? filter = null)
        : this(anchor => new TraceEventWriter(output, anchor), filter)
    {
    }

    internal PerfettoExporter(Func<ulong, ITimelineWriter> open, Func<TraceEntry, Replay, bool>? filter, TaskLanes lanes, ResourceCounters counters)
    {
        _open = open;
        _filter = filter;
        _lanes = lanes;
        _counters = counters;
        _lanes.LaneAdded += Named;
        _tracker.TaskCreated += Created;
        _tracker.PollStarted += PollStarted;
        _tracker.PollEnded += PollEnded;
        _tracker.WakerUsed += Woken;
        _tracker.WakeSettled += Settled;
        _tracker.TaskEnded += Ended;
        _tracker.StateUpdated += Updated;
        _tracker.ResourceEnded += ResourceEnded;
    }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        var writer = Writer(replay);
        _shown = _filter is null || _filter(entry, replay);
        _tracker.Observe(entry);
        if (entry.Span is not { } span)
        {
            return;
        }
        switch (entry.Op)
        {
            case TraceOp.Enter:
                Stack(entry.Thread, writer).Add((span, entry.Timestamp, _shown));
                break;
            case TraceOp.Exit:
                var stack = Stack(entry.Thread, writer);
                var at = stack.FindLastIndex(entered => ReferenceEquals(entered.Span, span));
                if (at >= 0)
                {
                    var (_, start, enterShown) = stack[at];
                    stack.RemoveAt(at);
                    if (!enterShown && !_shown)
                    {
                        break;
                    }
                    var kind = _tracker.KindOf(span.Callsite);
                    var name = _tracker.FindTask(span)?.ToString() ?? span.Name;
                    writer.Slice(ThreadsPid, Tid(entry.Thread), name, Instrumentation.Name(kind), start, entry.Timestamp, args => args.Add("id", span.Id));
                }
                break;
        }
    }

    public void Finish()
    {
        if (_writer is not null)
        {
            _tracker.Finish();
        }
    }

    public void Dispose()
    {
        // An empty recording still makes a trace that opens.
        (_writer ?? _open(0)).Dispose();
    }

    private ITimelineWriter Writer(Replay replay)
    {
        if (_writer is null)
        {
            _writer = _open(replay.Start?.AnchorUnixNanos ?? 0);
            _writer.Processes([(ThreadsPid, "threads"), (TasksPid, "tasks"), (ResourcesPid, "resources")]);
        }
        return _writer;
    }

    private List<(SpanNode Span, ulong At, bool Shown)> Stack(ThreadTrack thread, ITimelineWriter writer)
    {
        if (!_entered.TryGetValue(thread, out var stack))
        {
            stack = [];
            _entered[thread] = stack;
            writer.Track(ThreadsPid, Tid(thread), thread.ToString());
        }
        return stack;
    }

    private static int Tid(ThreadTrack thread) => thread.Index + 1;

    private void Named(Lane lane)
    {
        _writer!.Track(TasksPid, lane.Tid, lane.Name);
    }

    private void Created(TaskSpan task)
    {
        var timeline = new TaskTimeline(task);
        _tasks[task] = timeline;
        if (_shown)
        {
            Join(timeline, task.FirstAt);
        }
    }

    /// <summary>The task is in the export from <paramref name="from"/> on: it takes a lane if one is free.</summary>
    private void Join(TaskTimeline timeline, ulong from)
    {
        if (!timeline.Joined)
        {
            timeline.Joined = true;
            timeline.Lane = _lanes.Join(timeline.Task, from);
        }
    }

    private void Woken(WakeReport report)
    {
        if (!report.IsWake || report.Woken is not { } task || !_tasks.TryGetValue(task, out var timeline))
        {
            return;
        }
        if (_shown)
        {
            // The waking task may be gone by the time the woken one is polled: its track is known now.
            _wakers[report] = report.Waker is { } waker && _tasks.TryGetValue(waker, out var from) && from.Lane is { } lane
                ? (TasksPid, lane.Tid)
                : (ThreadsPid, Tid(report.Thread));
        }
        if (timeline.Polling)
        {
            timeline.WokenDuringPoll = true;
        }
        else
        {
            timeline.ScheduledAt ??= report.Timestamp;
        }
    }

    private void PollStarted(TaskSpan task, TraceEntry enter)
    {
        var at = enter.Timestamp;
        var timeline = _tasks[task];
        if (_shown)
        {
            Join(timeline, timeline.GapStart);
            if (timeline.ScheduledAt is { } scheduled)
            {
                Gap(timeline, "idle", timeline.GapStart, scheduled);
                Gap(timeline, "scheduled", scheduled, at);
            }
            else
            {
                Gap(timeline, "idle", timeline.GapStart, at);
            }
        }
        timeline.GapStart = at;
        timeline.ScheduledAt = null;
        timeline.Polling = true;
        timeline.PollShown = _shown;
    }

    private void PollEnded(TaskSpan task, ulong length, TraceEntry exit)
    {
        var end = exit.Timestamp;
        var timeline = _tasks[task];
        var start = end - length;
        // A wake's arrow brings the poll it ends in, shown or not, so that every arrow has both ends.
        if (timeline.PollShown || _shown || timeline.Answered.Count > 0)
        {
            Join(timeline, start);
            Poll(timeline, start, end, exit.Thread);
        }
        timeline.Answered.Clear();
        timeline.GapStart = end;
        timeline.Polling = false;
        if (timeline.WokenDuringPoll)
        {
            timeline.ScheduledAt = end;
            timeline.WokenDuringPoll = false;
        }
    }

    private void Poll(TaskTimeline timeline, ulong start, ulong end, ThreadTrack thread)
    {
        var task = timeline.Task;
        var lane = timeline.Lane ?? _lanes.ForPoll(start, end);
        var writer = _writer!;
        // On a shared lane the slice is named after its task, so that a search for the task finds it.
        writer.Slice(TasksPid, lane.Tid, lane.Shared ? task.ToString() : "poll", "poll", start, end, args =>
        {
            args.Add("poll", task.Polls.Raw);
            args.Add("thread", thread.ToString());
            WriteTask(args, lane, task);
        }, timeline.Answered.Count > 0 ? new FlowBinding(timeline.Answered[0], Incoming: true) : null);
        // A slice ends one flow at most: the poll's other wakes end in zero-length slices at its start, inside it.
        for (var other = 1; other < timeline.Answered.Count; other++)
        {
            writer.Slice(TasksPid, lane.Tid, "woken", "wake", start, start, args => WriteTask(args, lane, task), new FlowBinding(timeline.Answered[other], Incoming: true));
        }
    }

    private static void WriteTask(ISliceArgs args, Lane lane, TaskSpan task)
    {
        if (lane.Shared)
        {
            args.Add("task", task.ToString());
            args.Add("task_span", task.Id);
        }
    }

    private void Settled(WakeReport report)
    {
        if (_wakers.Remove(report, out var from) && report.NextPollAt is not null && _tasks.TryGetValue(report.Woken!, out var timeline))
        {
            timeline.Answered.Add(WakeSlice(report, from));
        }
    }

    /// <summary>
    /// A zero-length <c>wake</c> slice where the wake happened starts the wake's arrow: the start has a
    /// slice of its own even on a thread that had no span entered. Returns the flow's ID.
    /// </summary>
    private ulong WakeSlice(WakeReport report, (int Pid, int Tid) from)
    {
        var writer = _writer!;
        // Names the waking thread's track, which may have no span slices of its own.
        Stack(report.Thread, writer);
        var (pid, tid) = from;
        writer.Slice(pid, tid, "wake " + report.Woken, "wake", report.Timestamp, report.Timestamp, args =>
        {
            args.Add("class", report.Wake.Class.Name());
            args.Add("task_closed", report.Wake.TaskClosed);
            args.Add("task", report.Wake.Task);
            if (report.Wake.By is { } by)
            {
                args.Add("by", by);
            }
            args.Add("thread", report.Thread.ToString());
        }, new FlowBinding(++_flows, Incoming: false));
        return _flows;
    }

    private void Ended(TaskSpan task)
    {
        if (_tasks.Remove(task, out var timeline) && timeline.Lane is { } lane)
        {
            var end = Math.Max(timeline.GapStart, task.LastAt);
            Gap(timeline, "idle", timeline.GapStart, end);
            TaskLanes.Leave(lane, end);
        }
    }

    /// <summary>A gap on the task's lane; a task without a lane shows its polls alone.</summary>
    private void Gap(TaskTimeline timeline, string name, ulong start, ulong end)
    {
        if (end > start && timeline.Lane is { } lane)
        {
            _writer!.Slice(TasksPid, lane.Tid, name, "gap", start, end, lane.Shared ? args => WriteTask(args, lane, timeline.Task) : null);
        }
    }

    private void Updated(StateUpdate update)
    {
        if (AttributeNumber.Of(update.After) is not { } value)
        {
            return;
        }
        var (name, counted) = _counters.Update(update, value);
        if (_shown)
        {
            _writer!.Counter(ResourcesPid, name, update.Timestamp, counted);
        }
    }

    /// <summary>A closed resource leaves the sums it was in; one still open when the recording ends stays in them.</summary>
    private void ResourceEnded(ResourceSpan resource)
    {
        var changed = _counters.Ended(resource);
        if (resource.ClosedAt is { } at && _shown)
        {
            foreach (var (name, sum) in changed)
            {
                _writer!.Counter(ResourcesPid, name, at, sum);
            }
        }
    }
}
