using Ari.Model;
using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>
/// ari-subscriber 0.0.1's layout, one line an entry: <c>{timestamp} {level} {scope}{what}</c>, where
/// the scope is each span from the root, followed by a space. A span's scope ends with the span itself
/// and its lifecycle word follows; an event's scope is its parent and that span's ancestors, and
/// <c>target: fields</c> follows.
/// </summary>
internal sealed class LineLayout(EntryParts parts) : IEntryLayout
{
    public bool ShowsWakes => parts.ShowsWakeNotes;

    public bool Append(StyledText text, in TraceEntry entry, in EntryFacts facts)
    {
        if (!EntryParts.IsShown(entry.Op))
        {
            return false;
        }
        parts.AppendHead(text, entry, facts);
        if (entry.Span is { } span)
        {
            AppendScope(text, span.Parent);
            var label = parts.Labels.For(span, entry.Op);
            label.AppendWithSpace(text);
            EntryParts.AppendLifecycle(text, entry.Op, label);
        }
        else
        {
            AppendScope(text, entry.Parent);
            parts.AppendEvent(text, entry, facts.Kind);
        }
        parts.AppendWakeNote(text, facts);
        text.Append("\n"u8, TextStyle.Plain);
        return true;
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
        parts.Labels.For(span).AppendWithSpace(text);
    }
}
