using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One task: a <c>runtime.spawn</c> span from its <c>new</c> to its <c>close</c>, and what happened to it
/// (polls, busy/scheduled/idle time, wakes received by class, wakers cloned and dropped).
/// </summary>
public sealed class TaskSpan : ITaskFigures
{
    // The clones not yet consumed, oldest first: the oldest in a field (a task mostly has one waiting),
    // the rest in a queue made when a second one waits. Objects that live as long as the task cost the
    // collector a copy each, and the queue and its array were two of them for every task.
    private WakerClone? _oldestClone;
    private Queue<WakerClone>? _laterClones;
    private PollCounter _polls;
    /// <summary>Made on the first report: only analyses make reports, so a line view's tasks never need it.</summary>
    private List<WakeReport>? _awaitingPoll;
    private ulong _pollStartedAt;
    private ulong? _scheduledSince;
    private bool _wokenWhileRunning;

    internal TaskSpan(SpanNode span, TokioCallsite callsite, LocationTexts locations, TaskSpan? parent, ThreadTrack createdOn,
        bool keepLatencies)
    {
        Span = span;
        CreatedOn = createdOn;
        Parent = parent;
        var values = span.Values.AsSpan();
        Kind = SpanFields.Text(callsite.Find(values, TokioField.Kind)) ?? "task";
        Name = SpanFields.Text(callsite.Find(values, TokioField.TaskName)) ?? "";
        TokioId = SpanFields.Unsigned(callsite.Find(values, TokioField.TaskId));
        Location = locations.Of(callsite, values);
        var function = SpanFields.Text(callsite.Find(values, TokioField.Fn));
        IsRuntime = Kind == "blocking"
            && (TaskLocation.IsInsideTokio(Location) || (function?.StartsWith("tokio::", StringComparison.Ordinal) ?? false));
        FirstAt = span.CreatedAt;
        LastAt = span.CreatedAt;
        // Spawning schedules the task: it waits to be polled from its creation.
        _scheduledSince = span.CreatedAt;
        Latencies = keepLatencies ? new TaskLatencies() : null;
    }

    public SpanNode Span { get; }

    /// <summary>The thread the span was made on: where the task was spawned (for <c>block_on</c>, the thread it blocks).</summary>
    public ThreadTrack CreatedOn { get; }

    /// <summary>The span ID (what waker events call <c>task.id</c>).</summary>
    public ulong Id => Span.Id;

    /// <summary><c>task</c>, <c>local</c>, <c>block_on</c> or <c>blocking</c>.</summary>
    public string Kind { get; }

    public string Name { get; }

    /// <summary>Tokio's own task ID (the span's <c>task.id</c> field), not the span ID.</summary>
    public ulong? TokioId { get; }

    public string? Location { get; }

    /// <summary>
    /// A Tokio worker thread's own blocking span (spawned from Tokio's source). Wakes made inside it
    /// between polls are the runtime's, not a task's.
    /// </summary>
    public bool IsRuntime { get; }

    /// <summary>The task that spawned this one: the nearest task among the span's ancestors, else the task being polled where it was created.</summary>
    public TaskSpan? Parent { get; }

    public PollCounter Polls => _polls;

    public ulong BusyNanos { get; private set; }

    /// <summary>Time between a wake (or the spawn) and the poll that follows it.</summary>
    public ulong ScheduledNanos { get; private set; }

    public ulong LongestPollNanos { get; private set; }

    /// <summary>Each poll's length and each scheduled delay, when the tracker keeps them (<see cref="TokioTracker.KeepLatencies"/>).</summary>
    public TaskLatencies? Latencies { get; }

    /// <summary>Creation.</summary>
    public ulong FirstAt { get; }

    /// <summary>Close, or the last thing seen of the task.</summary>
    public ulong LastAt { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>The thread the span closed on, once closed.</summary>
    public ThreadTrack? ClosedOn { get; private set; }

    /// <summary>Time alive neither polled nor waiting to be polled.</summary>
    public ulong IdleNanos
    {
        get
        {
            var life = LastAt - FirstAt;
            var used = BusyNanos + ScheduledNanos;
            return life > used ? life - used : 0;
        }
    }

    public long SelfWakes { get; private set; }

    public long TaskWakes { get; private set; }

    public long RuntimeWakes { get; private set; }

    public long OutsideWakes { get; private set; }

    public long Wakes => SelfWakes + TaskWakes + RuntimeWakes + OutsideWakes;

    /// <summary>Share of the wakes that were self-wakes, 0 when never woken.</summary>
    public double SelfWakeShare => Wakes == 0 ? 0 : (double)SelfWakes / Wakes;

    public long WakerClones { get; private set; }

    public long WakerDrops { get; private set; }

    /// <summary>Wakers dropped that had not woken the task (as far as the events tell).</summary>
    public long WakersDroppedUnwoken { get; private set; }

    /// <summary>Clones not yet consumed by a <c>wake</c> or a <c>drop</c> (wakers cloned before the recording began are unknown).</summary>
    public int OutstandingWakers => (_oldestClone is null ? 0 : 1) + (_laterClones?.Count ?? 0);

    /// <summary>Entered on some thread right now.</summary>
    public bool IsRunning => EnteredDepth > 0;

    /// <summary>Woken and not polled since.</summary>
    public bool IsNotified => _scheduledSince is not null || _wokenWhileRunning;

    internal int EnteredDepth { get; private set; }

    /// <summary>
    /// By Tokio's task ID, as tokio-console and the program's own logs show it (<c>receiver (task 3)</c>,
    /// <c>task 7</c>, <c>block_on 1</c>); by span ID when the span has no <c>task.id</c>.
    /// </summary>
    public override string ToString() => Label(Name, Kind, TokioId, Id);

    /// <summary>A task's label from its parts, for a copy of a task's figures that keeps the parts rather than the text.</summary>
    public static string Label(string name, string kind, ulong? tokioId, ulong spanId) => tokioId is { } id
        ? name.Length > 0 ? $"{name} ({kind} {id})" : $"{kind} {id}"
        : name.Length > 0 ? $"{name}[{spanId}]" : $"{kind}[{spanId}]";

    internal bool Enter(ulong at)
    {
        Touch(at);
        if (EnteredDepth++ > 0)
        {
            return false;
        }
        _polls.Start(wakesAreInstrumented: Kind != "block_on");
        _pollStartedAt = at;
        if (_scheduledSince is { } since)
        {
            ScheduledNanos += at - since;
            Latencies?.PollStarted(at - since);
            _scheduledSince = null;
        }
        return true;
    }

    /// <summary>Returns the poll's length when this exit ends a poll.</summary>
    internal ulong? Exit(ulong at)
    {
        Touch(at);
        if (EnteredDepth == 0 || --EnteredDepth > 0)
        {
            return null;
        }
        var length = at - _pollStartedAt;
        BusyNanos += length;
        LongestPollNanos = Math.Max(LongestPollNanos, length);
        Latencies?.PollEnded(length);
        if (_wokenWhileRunning)
        {
            _scheduledSince = at;
            _wokenWhileRunning = false;
        }
        return length;
    }

    internal void Close(ulong at, ThreadTrack thread)
    {
        Touch(at);
        IsClosed = true;
        ClosedOn = thread;
        _polls.Close();
        _scheduledSince = null;
    }

    /// <summary>A wake at <paramref name="at"/>; its report, when one was made, learns when the next poll begins.</summary>
    internal void Woken(Wake wake, ulong at, WakeReport? report)
    {
        Touch(at);
        switch (wake.Class)
        {
            case WakeClass.Self: SelfWakes++; break;
            case WakeClass.Task: TaskWakes++; break;
            case WakeClass.Runtime: RuntimeWakes++; break;
            default: OutsideWakes++; break;
        }
        _polls.NoteWake();
        if (IsRunning)
        {
            _wokenWhileRunning = true;
        }
        else
        {
            _scheduledSince ??= at;
        }
        if (report is not null)
        {
            report.AwaitsPoll = true;
            (_awaitingPoll ??= []).Add(report);
        }
    }

    internal void Cloned(WakerClone clone)
    {
        Touch(clone.Timestamp);
        WakerClones++;
        if (_oldestClone is null)
        {
            _oldestClone = clone;
        }
        else
        {
            (_laterClones ??= new()).Enqueue(clone);
        }
    }

    /// <summary>A <c>wake</c> or <c>drop</c> consumes a clone: which one the events do not say, so the oldest.</summary>
    internal WakerClone? Consume()
    {
        var oldest = _oldestClone;
        _oldestClone = _laterClones is not null && _laterClones.TryDequeue(out var next) ? next : null;
        return oldest;
    }

    /// <summary>A <c>wake_by_ref</c> uses a stored waker without consuming it: assume the oldest.</summary>
    internal void MarkWokenByRef()
    {
        if (_oldestClone is { WokenByRef: false } oldest)
        {
            oldest.WokenByRef = true;
            return;
        }
        if (_laterClones is null)
        {
            return;
        }
        foreach (var clone in _laterClones)
        {
            if (!clone.WokenByRef)
            {
                clone.WokenByRef = true;
                return;
            }
        }
    }

    internal void Dropped(WakerClone? consumed, ulong at)
    {
        Touch(at);
        WakerDrops++;
        if (consumed is null || !consumed.WokenByRef)
        {
            WakersDroppedUnwoken++;
        }
    }

    /// <summary>
    /// The one place a wake is settled: the wakes awaiting this task's next poll learn when it began, or
    /// that none will come (the task closed, or the recording ended), and go to <paramref name="settled"/>.
    /// </summary>
    internal void SettleAwaitingPoll(ulong? nextPollAt, Action<WakeReport>? settled)
    {
        if (_awaitingPoll is null)
        {
            return;
        }
        foreach (var report in _awaitingPoll)
        {
            report.NextPollAt = nextPollAt;
            report.AwaitsPoll = false;
            settled?.Invoke(report);
        }
        _awaitingPoll.Clear();
    }

    private void Touch(ulong at) => LastAt = Math.Max(LastAt, at);
}
