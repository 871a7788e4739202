using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// One callback as the registry understood it: the span or event, its resolved parent, the thread and
/// what that thread had entered at that moment.
/// </summary>
/// <param name="Op">What happened.</param>
/// <param name="Sequence">The callback's place in tracing's call order.</param>
/// <param name="Timestamp">Nanoseconds since the stream's anchor.</param>
/// <param name="Thread">The thread it happened on; its stack is as it is right after this entry.</param>
/// <param name="Callsite">The event's callsite, or the span's.</param>
/// <param name="Span">The span for span operations; null for events.</param>
/// <param name="Parent">The resolved parent: explicit, contextual (the thread's current span) or none.</param>
/// <param name="Values">The event's values, the new span's values, or the values of a <c>record</c>.</param>
/// <param name="Follows">For <see cref="TraceOp.Follows"/>: the span <see cref="Span"/> follows from.</param>
public readonly record struct TraceEntry(
    TraceOp Op,
    ulong Sequence,
    ulong Timestamp,
    ThreadTrack Thread,
    Callsite Callsite,
    SpanNode? Span,
    SpanNode? Parent,
    FieldValues Values,
    SpanNode? Follows = null)
{
    public bool IsEvent => Op == TraceOp.Event;

    /// <summary>
    /// The spans this entry sits in, outermost first: an event's parent and that span's ancestors; for a
    /// span operation, the span's ancestors (not the span itself).
    /// </summary>
    public IReadOnlyList<SpanNode> Scope()
    {
        var start = Parent;
        if (start is null)
        {
            return [];
        }
        var scope = new SpanNode[start.Depth + 1];
        var i = scope.Length;
        for (var span = start; span is not null; span = span.Parent)
        {
            scope[--i] = span;
        }
        return scope;
    }
}
