using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// A thread of the traced program and the spans it is inside, kept as tracing's registry keeps them:
/// entering a span that is already entered on the thread pushes a duplicate, which is never the
/// current span, and an exit removes the innermost entry of that span.
/// </summary>
public sealed class ThreadTrack
{
    private readonly List<(SpanNode Span, bool Duplicate)> _stack = [];

    internal ThreadTrack(ThreadInfo info) => Info = info;

    public ThreadInfo Info { get; internal set; }

    public int Index => Info.Index;

    public string Name => Info.Name;

    /// <summary>The entered spans, outermost first, duplicates included.</summary>
    public IEnumerable<SpanNode> Entered => _stack.Select(entry => entry.Span);

    public int Depth => _stack.Count;

    /// <summary>The span an event or new span on this thread gets as its contextual parent.</summary>
    public SpanNode? Current
    {
        get
        {
            for (var i = _stack.Count - 1; i >= 0; i--)
            {
                if (!_stack[i].Duplicate)
                {
                    return _stack[i].Span;
                }
            }
            return null;
        }
    }

    /// <summary>Finds the innermost entered span that matches, e.g. the task being polled on this thread.</summary>
    public SpanNode? Innermost(Func<SpanNode, bool> match)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (match(_stack[i].Span))
            {
                return _stack[i].Span;
            }
        }
        return null;
    }

    internal void Enter(SpanNode span) => _stack.Add((span, InnermostIndexOf(span) >= 0));

    /// <summary>False when the span was not entered here (its enter was dropped or on another thread).</summary>
    internal bool Exit(SpanNode span)
    {
        var at = InnermostIndexOf(span);
        if (at < 0)
        {
            return false;
        }
        _stack.RemoveAt(at);
        return true;
    }

    // A loop, not FindLastIndex with a lambda: this runs for every enter and exit, and the lambda would
    // allocate a closure each time.
    private int InnermostIndexOf(SpanNode span)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_stack[i].Span, span))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The name and the stream's number for the thread (<c>tokio-runtime-worker#2</c>): Tokio names all
    /// its workers alike, and the number tells them apart.
    /// </summary>
    public override string ToString() => $"{(Name.Length > 0 ? Name : "thread")}#{Index}";
}
