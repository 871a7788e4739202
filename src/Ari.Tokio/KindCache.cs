using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Each callsite's instrumentation kind, worked out once.</summary>
internal sealed class KindCache
{
    private readonly CallsiteMap<InstrumentationKind> _kinds = new(Instrumentation.KindOf);

    public InstrumentationKind Of(Callsite callsite) => _kinds[callsite];
}
