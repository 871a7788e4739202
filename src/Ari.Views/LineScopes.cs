using Ari.Model;

namespace Ari.Views;

/// <summary>
/// A span's scope as the line view prints it, <c>{root label} … {span label} </c>, styled once and kept
/// on the span (<see cref="SpanViews"/>): every enter, exit and event inside the span repeats it, and a
/// label never changes (it shows the values the span was created with).
/// </summary>
public sealed class LineScopes(SpanLabels labels)
{
    private readonly StyledText _scratch = new();

    /// <summary>The scope through <paramref name="span"/> itself.</summary>
    public StyledText Through(SpanNode span)
    {
        var views = SpanViews.Of(span);
        return views.LineScope ??= Format(span);
    }

    private StyledText Format(SpanNode span)
    {
        // The parent's scope first: formatting it may use the scratch text.
        var outer = span.Parent is { } parent ? Through(parent) : null;
        var text = _scratch;
        text.Clear();
        if (outer is not null)
        {
            text.Append(outer);
        }
        labels.For(span).AppendTo(text);
        text.Append(" "u8, TextStyle.Plain);
        return text.Freeze();
    }
}
