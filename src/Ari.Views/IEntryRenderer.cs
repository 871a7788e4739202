using Ari.Model;

namespace Ari.Views;

/// <summary>Turns replayed entries into output, one at a time; every format of <c>ari show</c> is one.</summary>
public interface IEntryRenderer : IDisposable
{
    void Render(in TraceEntry entry, in EntryFacts facts);

    /// <summary>Writes out whatever is buffered (a live view calls it when the input pauses).</summary>
    void Flush();
}
