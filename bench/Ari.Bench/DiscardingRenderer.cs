using Ari.Model;
using Ari.Views;

namespace Ari.Bench;

/// <summary>A view that shows nothing: what is left of <c>ari show</c> is the decoding and the analysis.</summary>
internal sealed class DiscardingRenderer : IEntryRenderer
{
    /// <summary>True, so that the pipeline still follows Tokio's tasks: this stage measures that.</summary>
    public bool ShowsWakes => true;

    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
    }

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
