using Ari.Model;
using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>
/// ari-subscriber 0.0.1's layout, one line an entry: <c>{timestamp} {level} {scope}{what}</c>, where
/// the scope is each span from the root, followed by a space. A span's scope ends with the span itself
/// and its lifecycle word follows; an event's scope is its parent and that span's ancestors, and
/// <c>target: fields</c> follows.
/// </summary>
internal sealed class LineLayout(EntryParts parts) : EntryLayout(parts)
{
    protected override void AppendSpan(StyledText text, SpanNode span, TraceOp op)
    {
        AppendScope(text, span.Parent);
        var label = Parts.Labels.For(span, op);
        label.AppendWithSpace(text);
        EntryParts.AppendLifecycle(text, op, label);
    }

    protected override void AppendEvent(StyledText text, in TraceEntry entry, in EntryFacts facts)
    {
        AppendScope(text, entry.Parent);
        Parts.AppendEvent(text, entry, facts.Kind);
    }

    /// <summary>
    /// Each span's label from the root down to <paramref name="span"/>, each followed by a space. The
    /// labels are kept on their spans; the scope is not, because a copy of its ancestors' labels on every
    /// span is memory that lives as long as the span and costs the collector more than these few copies.
    /// </summary>
    private void AppendScope(StyledText text, SpanNode? span)
    {
        if (span is null)
        {
            return;
        }
        AppendScope(text, span.Parent);
        Parts.Labels.For(span).AppendWithSpace(text);
    }
}
