namespace Ari.Tokio;

/// <summary>Who woke a task, judged from what the waking thread was polling.</summary>
public enum WakeClass : byte
{
    /// <summary>The woken task woke itself (possibly deferred until just after its poll).</summary>
    Self,

    /// <summary>Another task, being polled on the waking thread, woke it.</summary>
    Task,

    /// <summary>No task was being polled: a plain thread, a driver, or the runtime itself.</summary>
    Outside,
}
