namespace Ari.Tokio;

/// <summary>The <c>op</c> of a waker event.</summary>
public enum WakerOp : byte
{
    /// <summary><c>waker.clone</c>: a new waker for the task, usually stored by a resource or the runtime.</summary>
    Clone,

    /// <summary><c>waker.wake</c>: wakes the task and consumes a waker.</summary>
    Wake,

    /// <summary><c>waker.wake_by_ref</c>: wakes the task; the waker lives on.</summary>
    WakeByRef,

    /// <summary><c>waker.drop</c>: a waker goes away without waking.</summary>
    Drop,
}
