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
    private readonly Dictionary<ThreadTrack, ThreadWakes> _threads = new(ReferenceEqualityComparer.Instance);
    /// <summary>Null when nobody reads resources: their state, readiness and updates cost objects that live as long as the resource.</summary>
    private readonly ResourceTracker? _resources;

    // Made once: asked for every wake, and a lambda capturing this would be a new delegate each time.
    private readonly Func<SpanNode, bool> _isPolledTask;

    /// <param name="followResources">
    /// False when only tasks and wakes matter (a line view's facts): resources, their async ops and
    /// state updates are then not followed, and <see cref="ResourceEnded"/>, <see cref="StateUpdated"/>
    /// and <see cref="Unattributed"/> never fire.
    /// </param>
    public TokioTracker(bool followResources = true)
    {
        _isPolledTask = span => TaskOf(span) is { IsRuntime: false };
        if (followResources)
        {
            _resources = new ResourceTracker(_callsites, _locations);
            _resources.Ended += resource => ResourceEnded?.Invoke(resource);
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

    public event Action<ResourceSpan>? ResourceEnded;

    public event Action<StateUpdate>? StateUpdated;

    public event Action<UnattributedEvent>? Unattributed;

    public IReadOnlyCollection<ResourceSpan> LiveResources => _resources?.Live ?? [];

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
                    var task = new TaskSpan(span, callsite, _locations, ParentTask(span, entry.Thread));
                    _tasks.Add(span, task);
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
                        if (!entered.IsRuntime)
                        {
                            ThreadOf(entry.Thread).PollStarted();
                        }
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
                    closed.Close(entry.Timestamp);
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
        var thread = ThreadOf(entry.Thread);
        if (wakerOp == WakerOp.Clone)
        {
            Cloned(entry, thread, woken, polled);
            return null;
        }

        var wake = polled is null ? new Wake(WakeClass.Outside, id, null)
            : ReferenceEquals(polled, woken) ? new Wake(WakeClass.Self, id, id)
            : new Wake(WakeClass.Task, id, polled.Id);
        WakerClone? deferred = null;
        if (polled is null && wakerOp == WakerOp.Wake && woken?.DeferralCandidate is { } candidate
            && ReferenceEquals(candidate.Thread, entry.Thread) && candidate.Epoch == thread.Epoch)
        {
            // The yield_now waker the task handed to this thread's defer list (tokio#5223).
            deferred = candidate;
            woken.DeferralCandidate = null;
            wake = new Wake(WakeClass.Self, id, id, Deferred: true);
        }
        if (polled is null && wakerOp != WakerOp.Drop)
        {
            thread.WokeOutside();
        }

        // A report is kept by the woken task until its next poll (to set NextPollAt): only made for a listener.
        var report = WakerUsed is null && WakeSettled is null ? null
            : new WakeReport(entry.Sequence, entry.Timestamp, entry.Thread, wakerOp, wake, woken, deferred is null ? polled : woken);
        WakerClone? consumed = null;
        switch (wakerOp)
        {
            case WakerOp.Wake when woken is not null:
                consumed = woken.Consume(deferred);
                woken.Woken(wake, entry.Timestamp, report);
                break;
            case WakerOp.WakeByRef when woken is not null:
                woken.MarkWokenByRef();
                woken.Woken(wake, entry.Timestamp, report);
                break;
            case WakerOp.Drop when woken is not null:
                consumed = woken.Consume(null);
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

    private void Cloned(in TraceEntry entry, ThreadWakes thread, TaskSpan? woken, TaskSpan? polled)
    {
        if (woken is null)
        {
            return;
        }
        // yield_now clones straight in the task's span; a resource registering the waker (a timer, a
        // oneshot) does it inside its runtime.resource spans.
        var deferrable = ReferenceEquals(polled, woken) && NoResourceBetween(entry.Parent, woken.Span);
        var clone = new WakerClone(entry.Sequence, entry.Timestamp, entry.Thread, polled, deferrable) { Epoch = thread.Epoch };
        woken.Cloned(clone);
        if (deferrable)
        {
            woken.DeferralCandidate = clone;
        }
    }

    private bool NoResourceBetween(SpanNode? from, SpanNode task)
    {
        for (var span = from; span is not null && !ReferenceEquals(span, task); span = span.Parent)
        {
            if (_callsites.KindOf(span.Callsite) is InstrumentationKind.Resource or InstrumentationKind.AsyncOp or InstrumentationKind.AsyncOpPoll)
            {
                return false;
            }
        }
        return true;
    }

    private ThreadWakes ThreadOf(ThreadTrack track)
    {
        if (!_threads.TryGetValue(track, out var thread))
        {
            thread = new ThreadWakes();
            _threads[track] = thread;
        }
        return thread;
    }
}
