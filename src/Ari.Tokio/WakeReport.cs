using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One waker event that wakes or drops: what it did, its class, the task it woke, who woke it, the
/// clone it consumed, and when the task was next polled.
/// </summary>
public sealed class WakeReport
{
    internal WakeReport(ulong sequence, ulong timestamp, ThreadTrack thread, WakerOp op, Wake wake, TaskSpan? woken, TaskSpan? waker)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        Thread = thread;
        Op = op;
        Wake = wake;
        Woken = woken;
        Waker = waker;
    }

    public ulong Sequence { get; }

    public ulong Timestamp { get; }

    public ThreadTrack Thread { get; }

    public WakerOp Op { get; }

    /// <summary>Class, woken task and waking task. For a <c>waker.drop</c> the class says who dropped it.</summary>
    public Wake Wake { get; }

    /// <summary>The woken task, when its span is known.</summary>
    public TaskSpan? Woken { get; }

    /// <summary>The task polled on the waking thread (for a self-wake, the woken task itself).</summary>
    public TaskSpan? Waker { get; }

    /// <summary>The clone this event consumed (<c>wake</c> and <c>drop</c>; <c>wake_by_ref</c> consumes none).</summary>
    public WakerClone? Consumed { get; internal set; }

    /// <summary>
    /// True until the tracker settles the report (<see cref="TokioTracker.WakeSettled"/>): while the woken
    /// task has not been polled since, is alive and the recording goes on, <see cref="NextPollAt"/> (and so
    /// <see cref="Latency"/>) may still be set. False for a drop or a wake of an unknown task from the start.
    /// </summary>
    public bool AwaitsPoll { get; internal set; }

    /// <summary>When the woken task's next poll began; null when it never was polled again.</summary>
    public ulong? NextPollAt { get; internal set; }

    /// <summary>Nanoseconds from the wake to the next poll.</summary>
    public ulong? Latency => NextPollAt is { } next && next >= Timestamp ? next - Timestamp : null;

    public bool IsWake => Op is WakerOp.Wake or WakerOp.WakeByRef;
}
