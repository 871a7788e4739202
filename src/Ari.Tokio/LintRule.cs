namespace Ari.Tokio;

/// <summary>What <c>ari lint</c> warns about.</summary>
public enum LintRule : byte
{
    /// <summary>More than half of a task's wakes are self-wakes (tokio-console's rule): it may be busy-looping.</summary>
    SelfWakes,

    /// <summary>A poll ran longer than the limit without yielding: it blocks its worker.</summary>
    LongPoll,

    /// <summary>A waker was dropped while its task waited, leaving it none: nothing can wake the task.</summary>
    LostWaker,

    /// <summary>A <c>state_update</c> or <c>poll_op</c> event with no resource span above it.</summary>
    NoResourceParent,

    /// <summary>An exit without an enter on that thread, or a span entered and never exited.</summary>
    UnbalancedEnterExit,

    /// <summary>A span still open when the recording ended.</summary>
    SpanNeverClosed,

    /// <summary>A resource attribute set once when created and never updated afterwards.</summary>
    StateNeverUpdated,
}
