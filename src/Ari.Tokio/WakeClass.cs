namespace Ari.Tokio;

/// <summary>Who woke a task, judged from what the waking thread was doing (docs/analysis.md, "Wakes").</summary>
public enum WakeClass : byte
{
    /// <summary>The woken task's own span is entered on the waking thread: it woke itself in its poll.</summary>
    Self,

    /// <summary>Another task is being polled on the waking thread and woke it.</summary>
    Task,

    /// <summary>
    /// A thread of the runtime's (a worker, a blocking-pool thread, a thread inside <c>block_on</c>) with
    /// no task being polled there: the I/O or timer driver, a deferred <c>yield_now</c>, a task's end.
    /// </summary>
    Runtime,

    /// <summary>A thread that is not the runtime's, e.g. a <c>std::thread</c>.</summary>
    Outside,
}
