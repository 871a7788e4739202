using System.Text.Json;
using Ari.Model;
using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// <c>ari export --format perfetto</c>: a track per thread (every span entered there, as slices), a track
/// per task (its polls, and the idle and scheduled gaps between them), a flow arrow per wake from the
/// waking task (or the waking thread, for wakes by the runtime or from outside it) to the woken task's next poll,
/// and a counter track per numeric resource attribute. Processes are ordered threads, tasks, resources.
/// </summary>
public sealed class PerfettoExporter : IRecordingExporter
{
    private const int ThreadsPid = 1;
    private const int TasksPid = 2;
    private const int ResourcesPid = 3;

    private readonly Stream _output;
    private readonly TokioTracker _tracker = new();
    private readonly Dictionary<TaskSpan, TaskLane> _lanes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ThreadTrack, List<(SpanNode Span, ulong At)>> _entered = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<WakeReport, (int Pid, int Tid)> _wakers = new(ReferenceEqualityComparer.Instance);
    private TraceEventWriter? _writer;
    private int _tasks;
    private ulong _flows;

    public PerfettoExporter(Stream output)
    {
        _output = output;
        _tracker.TaskCreated += Created;
        _tracker.PollStarted += PollStarted;
        _tracker.PollEnded += PollEnded;
        _tracker.WakerUsed += Woken;
        _tracker.WakeSettled += Settled;
        _tracker.TaskEnded += Ended;
        _tracker.StateUpdated += Updated;
    }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        var writer = Writer(replay);
        _tracker.Observe(entry);
        if (entry.Span is not { } span)
        {
            return;
        }
        switch (entry.Op)
        {
            case TraceOp.Enter:
                Stack(entry.Thread, writer).Add((span, entry.Timestamp));
                break;
            case TraceOp.Exit:
                var stack = Stack(entry.Thread, writer);
                var at = stack.FindLastIndex(entered => ReferenceEquals(entered.Span, span));
                if (at >= 0)
                {
                    var start = stack[at].At;
                    stack.RemoveAt(at);
                    var kind = _tracker.KindOf(span.Callsite);
                    var name = _tracker.FindTask(span)?.ToString() ?? span.Name;
                    writer.Slice(ThreadsPid, Tid(entry.Thread), name, Instrumentation.Name(kind), start, entry.Timestamp, json => json.WriteNumber("id", span.Id));
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
        (_writer ?? new TraceEventWriter(_output, 0)).Dispose();
    }

    private TraceEventWriter Writer(Replay replay)
    {
        if (_writer is null)
        {
            _writer = new TraceEventWriter(_output, replay.Start?.AnchorUnixNanos ?? 0);
            _writer.Metadata("process_name", ThreadsPid, 0, "threads");
            _writer.Metadata("process_name", TasksPid, 0, "tasks");
            _writer.Metadata("process_name", ResourcesPid, 0, "resources");
            // Viewers otherwise sort processes by name: resources, tasks, threads.
            foreach (var pid in (int[])[ThreadsPid, TasksPid, ResourcesPid])
            {
                _writer.Metadata("process_sort_index", pid, 0, "", pid);
            }
        }
        return _writer;
    }

    private List<(SpanNode Span, ulong At)> Stack(ThreadTrack thread, TraceEventWriter writer)
    {
        if (!_entered.TryGetValue(thread, out var stack))
        {
            stack = [];
            _entered[thread] = stack;
            writer.Metadata("thread_name", ThreadsPid, Tid(thread), thread.ToString());
            // By number, not by name: tokio-runtime-worker#10 after #9.
            writer.Metadata("thread_sort_index", ThreadsPid, Tid(thread), "", Tid(thread));
        }
        return stack;
    }

    private static int Tid(ThreadTrack thread) => thread.Index + 1;

    private void Created(TaskSpan task)
    {
        var lane = new TaskLane(++_tasks, task.FirstAt);
        _lanes[task] = lane;
        _writer!.Metadata("thread_name", TasksPid, lane.Tid, task.IsRuntime ? $"{task} (runtime)" : task.ToString());
        _writer.Metadata("thread_sort_index", TasksPid, lane.Tid, "", lane.Tid);
    }

    private void Woken(WakeReport report)
    {
        if (!report.IsWake || report.Woken is not { } task || !_lanes.TryGetValue(task, out var lane))
        {
            return;
        }
        // The waking task may be gone by the time the woken one is polled: its track is known now.
        _wakers[report] = report.Waker is { } waker && _lanes.TryGetValue(waker, out var from) ? (TasksPid, from.Tid) : (ThreadsPid, Tid(report.Thread));
        if (lane.Polling)
        {
            lane.WokenDuringPoll = true;
        }
        else
        {
            lane.ScheduledAt ??= report.Timestamp;
        }
    }

    private void PollStarted(TaskSpan task, TraceEntry enter)
    {
        var at = enter.Timestamp;
        var lane = _lanes[task];
        if (lane.ScheduledAt is { } scheduled)
        {
            Gap(lane, "idle", lane.GapStart, scheduled);
            Gap(lane, "scheduled", scheduled, at);
        }
        else
        {
            Gap(lane, "idle", lane.GapStart, at);
        }
        lane.GapStart = at;
        lane.ScheduledAt = null;
        lane.Polling = true;
    }

    private void PollEnded(TaskSpan task, ulong length, TraceEntry exit)
    {
        var end = exit.Timestamp;
        var lane = _lanes[task];
        var start = end - length;
        var writer = _writer!;
        writer.Slice(TasksPid, lane.Tid, "poll", "poll", start, end, json =>
        {
            json.WriteNumber("poll", task.Polls.Raw);
            json.WriteString("thread", exit.Thread.ToString());
        }, lane.Answered.Count > 0 ? new FlowBinding(lane.Answered[0], Incoming: true) : null);
        // A slice ends one flow at most: the poll's other wakes end in zero-length slices at its start, inside it.
        for (var other = 1; other < lane.Answered.Count; other++)
        {
            writer.Slice(TasksPid, lane.Tid, "woken", "wake", start, start, flow: new FlowBinding(lane.Answered[other], Incoming: true));
        }
        lane.Answered.Clear();
        lane.GapStart = end;
        lane.Polling = false;
        if (lane.WokenDuringPoll)
        {
            lane.ScheduledAt = end;
            lane.WokenDuringPoll = false;
        }
    }

    private void Settled(WakeReport report)
    {
        if (_wakers.Remove(report, out var from) && report.NextPollAt is not null && _lanes.TryGetValue(report.Woken!, out var lane))
        {
            lane.Answered.Add(WakeSlice(report, from));
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
        writer.Slice(pid, tid, "wake " + report.Woken, "wake", report.Timestamp, report.Timestamp, json =>
        {
            json.WriteString("class", report.Wake.Class.Name());
            json.WriteBoolean("task_closed", report.Wake.TaskClosed);
            json.WriteNumber("task", report.Wake.Task);
            if (report.Wake.By is { } by)
            {
                json.WriteNumber("by", by);
            }
            json.WriteString("thread", report.Thread.ToString());
        }, new FlowBinding(++_flows, Incoming: false));
        return _flows;
    }

    private void Ended(TaskSpan task)
    {
        if (_lanes.Remove(task, out var lane))
        {
            Gap(lane, "idle", lane.GapStart, Math.Max(lane.GapStart, task.LastAt));
        }
    }

    private void Gap(TaskLane lane, string name, ulong start, ulong end)
    {
        if (end > start)
        {
            _writer!.Slice(TasksPid, lane.Tid, name, "gap", start, end);
        }
    }

    private void Updated(StateUpdate update)
    {
        if (AttributeNumber.Of(update.After) is not { } value)
        {
            return;
        }
        var resource = update.AsyncOp?.ToString() ?? update.Owner.ToString();
        _writer!.Counter(ResourcesPid, resource + " " + update.Attribute, update.Timestamp, value);
    }
}
