using Ari.Model;
using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>
/// The articles' narrow layout: the timestamp and level on a line of their own, then each span of the
/// scope on its own line under a <c>⤷</c> in the span's colour, indented two more spaces a level, the
/// lifecycle word two spaces after the span's own label, and an event's <c>target: fields</c> last.
/// </summary>
internal sealed class TreeLayout(EntryParts parts) : EntryLayout(parts)
{
    protected override void AppendSpan(StyledText text, SpanNode span, TraceOp op)
    {
        var depth = AppendScope(text, span.Parent);
        var label = Parts.Labels.For(span, op);
        AppendArrow(text, depth, label.Base);
        label.AppendTo(text);
        text.Append("  "u8, TextStyle.Plain);
        EntryParts.AppendLifecycle(text, op, label);
    }

    protected override void AppendEvent(StyledText text, in TraceEntry entry, in EntryFacts facts)
    {
        var depth = AppendScope(text, entry.Parent);
        AppendArrow(text, depth, Palette.Base(facts.Kind));
        Parts.AppendEvent(text, entry, facts.Kind);
    }

    /// <summary>Each span from the root on its own line (ending in a space, as the articles have it); returns the depth below them.</summary>
    private int AppendScope(StyledText text, SpanNode? span)
    {
        if (span is null)
        {
            return 0;
        }
        var depth = AppendScope(text, span.Parent);
        var label = Parts.Labels.For(span);
        AppendArrow(text, depth, label.Base);
        label.AppendWithSpace(text);
        return depth + 1;
    }

    /// <summary>Ends the line before, then three spaces, two more a level, and the arrow.</summary>
    private static void AppendArrow(StyledText text, int depth, Tint tint)
    {
        text.Append("\n   "u8, TextStyle.Plain);
        for (var i = 0; i < depth; i++)
        {
            text.Append("  "u8, TextStyle.Plain);
        }
        text.Append("⤷"u8, new TextStyle(tint));
        text.Append(" "u8, TextStyle.Plain);
    }
}
