using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Each callsite's instrumentation kind, worked out once.</summary>
internal sealed class KindCache
{
    private readonly Dictionary<Callsite, InstrumentationKind> _kinds = new(ReferenceEqualityComparer.Instance);

    public InstrumentationKind Of(Callsite callsite)
    {
        if (!_kinds.TryGetValue(callsite, out var kind))
        {
            kind = Instrumentation.KindOf(callsite);
            _kinds[callsite] = kind;
        }
        return kind;
    }
}
