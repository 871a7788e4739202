namespace Ari.Tokio;

/// <summary>The kinds of Tokio instrumentation, each with its own colour in the views.</summary>
public enum InstrumentationKind : byte
{
    /// <summary>Anything that is not Tokio's instrumentation: the program's own spans and events.</summary>
    Other,

    /// <summary>A <c>runtime.spawn</c> span: a task (kind task, local, block_on or blocking).</summary>
    Spawn,

    /// <summary>A <c>runtime.resource</c> span: a timer, a sync primitive, …</summary>
    Resource,

    /// <summary>A <c>runtime.resource.async_op</c> span: one async operation on a resource.</summary>
    AsyncOp,

    /// <summary>A <c>runtime.resource.async_op.poll</c> span: one poll of an async operation.</summary>
    AsyncOpPoll,

    /// <summary>An event with target <c>tokio::task::waker</c> or <c>runtime::waker</c>.</summary>
    Waker,

    /// <summary>An event with target <c>runtime::resource::poll_op</c>.</summary>
    PollOp,

    /// <summary>An event with target <c>runtime::resource::state_update</c>.</summary>
    StateUpdate,

    /// <summary>An event with target <c>runtime::resource::async_op::state_update</c>.</summary>
    AsyncOpStateUpdate,
}
