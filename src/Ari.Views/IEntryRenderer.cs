using Ari.Model;

namespace Ari.Views;

/// <summary>Turns replayed entries into output, one at a time; every format of <c>ari show</c> is one.</summary>
public interface IEntryRenderer : IDisposable
{
    /// <summary>
    /// Whether the output says who woke a task (<see cref="EntryFacts.Wake"/>). When it never does (plain
    /// text, 0.0.1's exact output), the pipeline does not follow Tokio's tasks and wakers at all.
    /// </summary>
    bool ShowsWakes { get; }

    void Render(in TraceEntry entry, in EntryFacts facts);

    /// <summary>Writes out whatever is buffered (a live view calls it when the input pauses).</summary>
    void Flush();
}
