using Ari.Model;

namespace Ari.Views;

/// <summary>Arranges an entry as styled text (line or tree); the writer decides how styles look.</summary>
public interface IEntryLayout
{
    /// <summary>Appends the entry, newline included; false when this layout does not show it.</summary>
    bool Append(StyledText text, in TraceEntry entry, in EntryFacts facts);
}
