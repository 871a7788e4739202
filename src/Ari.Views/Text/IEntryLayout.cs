using Ari.Model;
using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>Arranges an entry as styled text (line or tree); the writer decides how styles look.</summary>
internal interface IEntryLayout
{
    /// <summary>Whether the text says who woke a task (<see cref="IEntryRenderer.ShowsWakes"/>).</summary>
    bool ShowsWakes { get; }

    /// <summary>Appends the entry, newline included; false when this layout does not show it.</summary>
    bool Append(StyledText text, in TraceEntry entry, in EntryFacts facts);
}
