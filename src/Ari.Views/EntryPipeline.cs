using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views;

/// <summary>
/// Between the replay and a view: works out each entry's facts (kind, wake) once, in order, and hands
/// the entry to the renderer. Every entry is observed, even one a filter hides, so that wakes are
/// classified from the whole sequence.
/// </summary>
public sealed class EntryPipeline : IEntrySink
{
    private readonly IEntryRenderer _renderer;
    private readonly Func<TraceEntry, EntryFacts, bool>? _filter;
    private readonly CallsiteMap<InstrumentationKind> _kinds = new(Instrumentation.KindOf);

    /// <summary>
    /// Null when the view never shows a wake (plain text): following every task and waker costs a
    /// third of the plain view's time, most of it in the collector (a task's objects live as long as
    /// the task). A line's facts are its kind and its wake, so resources are never followed.
    /// </summary>
    private readonly TokioTracker? _tokio;

    public EntryPipeline(IEntryRenderer renderer, Func<TraceEntry, EntryFacts, bool>? filter = null)
    {
        _renderer = renderer;
        _filter = filter;
        _tokio = renderer.ShowsWakes ? new TokioTracker(followResources: false) : null;
    }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        var wake = _tokio?.Observe(entry);
        var facts = new EntryFacts(replay, _kinds[entry.Callsite], wake);
        if (_filter is null || _filter(entry, facts))
        {
            _renderer.Render(entry, facts);
        }
    }
}
