using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Tells Tokio's instrumentation apart: spans by name, events by target.</summary>
public static class Instrumentation
{
    public static InstrumentationKind KindOf(Callsite callsite) => callsite.CallsiteKind == CallsiteKind.Span
        ? callsite.Name switch
        {
            "runtime.spawn" => InstrumentationKind.Spawn,
            "runtime.resource" => InstrumentationKind.Resource,
            "runtime.resource.async_op" => InstrumentationKind.AsyncOp,
            "runtime.resource.async_op.poll" => InstrumentationKind.AsyncOpPoll,
            _ => InstrumentationKind.Other,
        }
        : callsite.Target switch
        {
            "tokio::task::waker" or "runtime::waker" => InstrumentationKind.Waker,
            "runtime::resource::poll_op" => InstrumentationKind.PollOp,
            "runtime::resource::state_update" => InstrumentationKind.StateUpdate,
            "runtime::resource::async_op::state_update" => InstrumentationKind.AsyncOpStateUpdate,
            _ => InstrumentationKind.Other,
        };

    /// <summary>
    /// Made by Tokio's own code (its module path, or the target it defaults to, is Tokio's): a user's oneshot or sleep is Tokio's resource
    /// type, with Tokio's habits (attributes set once and never changed), not the user's instrumentation.
    /// </summary>
    public static bool IsTokios(Callsite callsite) => IsTokios(callsite.ModulePath) || IsTokios(callsite.Target);

    private static bool IsTokios(string path) => path.StartsWith("tokio::", StringComparison.Ordinal) || path == "tokio";

    /// <summary>The name used on the command line and in JSON (<c>spawn</c>, <c>async_op</c>, …).</summary>
    public static string Name(InstrumentationKind kind) => kind switch
    {
        InstrumentationKind.Spawn => "spawn",
        InstrumentationKind.Resource => "resource",
        InstrumentationKind.AsyncOp => "async_op",
        InstrumentationKind.AsyncOpPoll => "async_op_poll",
        InstrumentationKind.Waker => "waker",
        InstrumentationKind.PollOp => "poll_op",
        InstrumentationKind.StateUpdate => "state_update",
        InstrumentationKind.AsyncOpStateUpdate => "async_op_state_update",
        _ => "other",
    };

    public static bool TryParse(string name, out InstrumentationKind kind)
    {
        foreach (var candidate in Enum.GetValues<InstrumentationKind>())
        {
            if (Name(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
