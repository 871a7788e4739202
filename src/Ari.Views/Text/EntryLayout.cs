using Ari.Model;
using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>
/// Arranges an entry as styled text; the writer decides how styles look. Every layout writes the head
/// (time and level), then what it makes of the span or event, then the wake note and the newline; a
/// layout (line or tree) says only how a span and an event go in between.
/// </summary>
internal abstract class EntryLayout(EntryParts parts)
{
    protected EntryParts Parts { get; } = parts;

    /// <summary>Whether the text says who woke a task (<see cref="IEntryRenderer.ShowsWakes"/>).</summary>
    public bool ShowsWakes => Parts.ShowsWakeNotes;

    /// <summary>Appends the entry, newline included; false when layouts do not show it.</summary>
    public bool Append(StyledText text, in TraceEntry entry, in EntryFacts facts)
    {
        if (!EntryParts.IsShown(entry.Op))
        {
            return false;
        }
        Parts.AppendHead(text, entry, facts);
        if (entry.Span is { } span)
        {
            AppendSpan(text, span, entry.Op);
        }
        else
        {
            AppendEvent(text, entry, facts);
        }
        Parts.AppendWakeNote(text, facts);
        text.Append("\n"u8, TextStyle.Plain);
        return true;
    }

    /// <summary>A span operation: its scope, its label and the lifecycle word.</summary>
    protected abstract void AppendSpan(StyledText text, SpanNode span, TraceOp op);

    /// <summary>An event: its scope, then <c>target: fields</c>.</summary>
    protected abstract void AppendEvent(StyledText text, in TraceEntry entry, in EntryFacts facts);
}
