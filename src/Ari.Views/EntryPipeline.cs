using Ari.Model;
using Ari.Tokio;

namespace Ari.Views;

/// <summary>
/// Between the replay and a view: works out each entry's facts (kind, wake) once, in order, and hands
/// the entry to the renderer. Every entry is observed, even one a filter hides, so that analyses see
/// the whole sequence.
/// </summary>
public sealed class EntryPipeline(IEntryRenderer renderer, Func<TraceEntry, EntryFacts, bool>? filter = null)
{
    // A line's facts are its kind and its wake: resources are not followed.
    private readonly TokioTracker _tokio = new(followResources: false);

    public void Push(in TraceEntry entry, Replay replay)
    {
        var wake = _tokio.Observe(entry);
        var facts = new EntryFacts(replay, _tokio.KindOf(entry.Callsite), wake);
        if (filter is null || filter(entry, facts))
        {
            renderer.Render(entry, facts);
        }
    }
}
