using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Follows Tokio's instrumentation through a replay, entry by entry: tasks and their polls, wakers
/// from clone to wake or drop, resources and their state. Fed every entry in order, before any view
/// renders it. Holds only live tasks and resources; what ends is handed out through the events.
/// </summary>
public sealed class TokioTracker
{
    private readonly CallsiteCache _callsites = new();
    private readonly LocationTexts _locations = new();
    private readonly SpanMap<TaskSpan> _tasks = new();
    private readonly RuntimeThreads _runtimeThreads = new();
    /// <summary>Null when nobody reads resources: their state, readiness and updates cost objects that live as long as the resource.</summary>
    private readonly ResourceTracker? _resources;

    // Made once: asked for every wake, and a lambda capturing this would be a new delegate each time.
    private readonly Func<SpanNode, bool> _isPolledTask;
    private readonly Func<SpanNode, bool> _isWorkerSpan;
    private bool _keepLatencies;

    /// <param name="followResources">
    /// False when only tasks and wakes matter (a line view's facts): resources, their async ops and
    /// state updates are then not followed, and <see cref="ResourceEnded"/>, <see cref="StateUpdated"/>
    /// and <see cref="Unattributed"/> never fire.
    /// </param>
    public TokioTracker(bool followResources = true)
    {
        _isPolledTask = span => TaskOf(span) is { IsRuntime: false };
        _isWorkerSpan = span => TaskOf(span) is { IsRuntime: true };
        if (followResources)
        {
            _resources = new ResourceTracker(_callsites, _locations);
            _resources.Ended += resource => ResourceEnded?.Invoke(resource);
            _resources.AsyncOpEnded += op => AsyncOpEnded?.Invoke(op);
            _resources.StateUpdated += update => StateUpdated?.Invoke(update);
            _resources.Unattributed += orphan => Unattributed?.Invoke(orphan);
        }
    }

    /// <summary>A task's span was created, before any of its polls.</summary>
    public event Action<TaskSpan>? TaskCreated;

    /// <summary>A task closed, or the recording ended with it alive (see <see cref="TaskSpan.IsClosed"/>).</summary>
    public event Action<TaskSpan>? TaskEnded;

    /// <summary>A <c>waker.wake</c>, <c>waker.wake_by_ref</c> or <c>waker.drop</c>.</summary>
    public event Action<WakeReport>? WakerUsed;

    /// <summary>
    /// A report's <see cref="WakeReport.NextPollAt"/> is final: a wake's task began its next poll (raised
    /// just before <see cref="PollStarted"/>), closed, or was alive when the recording ended; a drop, or a
    /// wake of a task not known, right after <see cref="WakerUsed"/>. Each report once, in the order
    /// they settle: a task's wakes in the order they happened, but not across tasks.
    /// </summary>
    public event Action<WakeReport>? WakeSettled;

    /// <summary>A poll began (the task's outermost enter): the task and the entry that began it.</summary>
    public event Action<TaskSpan, TraceEntry>? PollStarted;

    /// <summary>A poll ended: the task, the poll's length in nanoseconds, and the entry that ended it.</summary>
    public event Action<TaskSpan, ulong, TraceEntry>? PollEnded;

    /// <summary>A resource closed, or the recording ended with it alive (after its live async ops' <see cref="AsyncOpEnded"/>).</summary>
    public event Action<ResourceSpan>? ResourceEnded;

    /// <summary>
    /// An async op's figures are final: it closed while its resource lived, or its resource ended with it
    /// alive (then just before <see cref="ResourceEnded"/>, oldest first). Each op once.
    /// </summary>
    public event Action<AsyncOpSpan>? AsyncOpEnded;

    public event Action<StateUpdate>? StateUpdated;

    public event Action<UnattributedEvent>? Unattributed;

    public IReadOnlyCollection<ResourceSpan> LiveResources => _resources?.Live ?? [];

    /// <summary>
    /// Tasks made from now on keep their latencies (<see cref="TaskSpan.Latencies"/>): for the analyses
    /// that show percentiles, and only them, since a histogram lives as long as its task.
    /// </summary>
    public void KeepLatencies() => _keepLatencies = true;

    /// <summary>
    /// A resource keeps only its live async ops (<see cref="ResourceSpan.AsyncOps"/>): for a view that takes
    /// each op from <see cref="AsyncOpEnded"/>, so a Mutex that lives as long as the program does not keep
    /// every lock taken on it.
    /// </summary>
    public void ForgetEndedAsyncOps()
    {
        if (_resources is not null)
        {
            _resources.ForgetEndedAsyncOps = true;
        }
    }

    public TaskSpan? FindTask(ulong spanId) => _tasks.Find(spanId);

    public TaskSpan? FindTask(SpanNode span) => TaskOf(span);

    public InstrumentationKind KindOf(Wire.Callsite callsite) => _callsites.KindOf(callsite);

    /// <summary>Takes one entry into account; for a wake, says who woke which task.</summary>
    public Wake? Observe(in TraceEntry entry)
    {
        // A span operation's callsite is the span's: its kind says which table can hold the span, so
        // the program's own spans cost no lookup at all.
        var callsite = _callsites.Of(entry.Callsite);
        var kind = callsite.Kind;
        switch (entry.Op)
        {
            case TraceOp.New when entry.Span is { } span:
                if (kind == InstrumentationKind.Spawn)
                {
                    var task = new TaskSpan(span, callsite, _locations, ParentTask(span, entry.Thread), entry.Thread, _keepLatencies);
                    _tasks.Add(span, task);
                    _runtimeThreads.TaskCreated(task);
                    TaskCreated?.Invoke(task);
                }
                else
                {
                    _resources?.New(span, callsite, PolledTask(entry.Thread));
                }
                break;
            case TraceOp.Enter when entry.Span is { } span:
                if (kind == InstrumentationKind.Spawn)
                {
                    if (_tasks.Find(span) is { } entered && entered.Enter(entry.Timestamp))
                    {
                        _runtimeThreads.PollStarted(entered, entry.Thread);
                        entered.SettleAwaitingPoll(entry.Timestamp, WakeSettled);
                        PollStarted?.Invoke(entered, entry);
                    }
                }
                else
                {
                    _resources?.Enter(span, kind);
                }
                break;
            case TraceOp.Exit when kind == InstrumentationKind.Spawn && entry.Span is { } span:
                if (_tasks.Find(span) is { } exited && exited.Exit(entry.Timestamp) is { } length)
                {
                    PollEnded?.Invoke(exited, length, entry);
                }
                break;
            case TraceOp.Close when entry.Span is { } span:
                if (kind != InstrumentationKind.Spawn)
                {
                    _resources?.Close(span, kind, entry.Timestamp);
                }
                else if (_tasks.Remove(span) is { } closed)
                {
                    closed.Close(entry.Timestamp, entry.Thread);
                    _runtimeThreads.TaskClosed(closed);
                    closed.SettleAwaitingPoll(nextPollAt: null, WakeSettled);
                    TaskEnded?.Invoke(closed);
                }
                break;
            case TraceOp.Event:
                switch (kind)
                {
                    case InstrumentationKind.Waker:
                        return Waker(entry, callsite);
                    case InstrumentationKind.StateUpdate or InstrumentationKind.PollOp or InstrumentationKind.AsyncOpStateUpdate:
                        _resources?.Event(entry, callsite);
                        break;
                }
                break;
        }
        return null;
    }

    /// <summary>The recording is over: hands out the tasks and resources still alive, oldest first.</summary>
    public void Finish()
    {
        foreach (var task in _tasks.OrderBy(task => task.Span.CreatedSequence).ToList())
        {
            task.SettleAwaitingPoll(nextPollAt: null, WakeSettled);
            TaskEnded?.Invoke(task);
        }
        _resources?.Finish();
    }

    /// <summary>The task being polled on a thread: the innermost task span entered there, Tokio's worker spans aside.</summary>
    public TaskSpan? PolledTask(ThreadTrack thread)
    {
        var span = thread.Innermost(_isPolledTask);
        return span is null ? null : _tasks.Find(span);
    }

    /// <summary>
    /// Tokio 1.24 creates a task's span inside the spawning task's (contextual parent); later versions
    /// give it <c>parent: None</c>, so then the task being polled where it was spawned is the parent.
    /// </summary>
    private TaskSpan? ParentTask(SpanNode span, ThreadTrack thread)
    {
        for (var above = span.Parent; above is not null; above = above.Parent)
        {
            if (TaskOf(above) is { IsRuntime: false } task)
            {
                return task;
            }
        }
        return PolledTask(thread);
    }

    /// <summary>Only <c>runtime.spawn</c> spans can be tasks: the others are not looked up.</summary>
    private TaskSpan? TaskOf(SpanNode span) => _callsites.KindOf(span.Callsite) == InstrumentationKind.Spawn ? _tasks.Find(span) : null;

    private Wake? Waker(in TraceEntry entry, TokioCallsite callsite)
    {
        var values = entry.Values.AsSpan();
        var op = WakerOpNames.Parse(SpanFields.Text(callsite.Find(values, TokioField.Op)));
        if (op is not { } wakerOp || SpanFields.Unsigned(callsite.Find(values, TokioField.TaskId)) is not { } id)
        {
            return null;
        }
        var woken = _tasks.Find(id);
        var polled = PolledTask(entry.Thread);
        if (wakerOp == WakerOp.Clone)
        {
            woken?.Cloned(new WakerClone(entry.Sequence, entry.Timestamp, entry.Thread, polled));
            return null;
        }

        var wake = new Wake(ClassOf(entry.Thread, polled, woken), id, polled?.Id, TaskClosed: woken is null);
        // A report is kept by the woken task until its next poll (to set NextPollAt): only made for a listener.
        var report = WakerUsed is null && WakeSettled is null ? null
            : new WakeReport(entry.Sequence, entry.Timestamp, entry.Thread, wakerOp, wake, woken, polled);
        WakerClone? consumed = null;
        switch (wakerOp)
        {
            case WakerOp.Wake when woken is not null:
                consumed = woken.Consume();
                woken.Woken(wake, entry.Timestamp, report);
                break;
            case WakerOp.WakeByRef when woken is not null:
                woken.MarkWokenByRef();
                woken.Woken(wake, entry.Timestamp, report);
                break;
            case WakerOp.Drop when woken is not null:
                consumed = woken.Consume();
                woken.Dropped(consumed, entry.Timestamp);
                break;
        }
        if (report is not null)
        {
            report.Consumed = consumed;
            WakerUsed?.Invoke(report);
            if (!report.AwaitsPoll)
            {
                WakeSettled?.Invoke(report);
            }
        }
        return wakerOp == WakerOp.Drop ? null : wake;
    }

    /// <summary>
    /// Self or task when a task is being polled on the waking thread; otherwise runtime or outside, by
    /// what the stream shows of the thread (<see cref="RuntimeThreads"/>). Never self without the woken
    /// task's span entered there: a wake outside any poll is not a self-wake, whatever it follows.
    /// </summary>
    private WakeClass ClassOf(ThreadTrack thread, TaskSpan? polled, TaskSpan? woken)
    {
        if (polled is not null)
        {
            return ReferenceEquals(polled, woken) ? WakeClass.Self : WakeClass.Task;
        }
        return _runtimeThreads.IsRuntime(thread, thread.Innermost(_isWorkerSpan) is not null) ? WakeClass.Runtime : WakeClass.Outside;
    }
}
