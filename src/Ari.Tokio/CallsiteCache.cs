using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Each callsite's <see cref="TokioCallsite"/>, worked out once.</summary>
internal sealed class CallsiteCache
{
    private readonly CallsiteMap<TokioCallsite> _callsites = new(callsite => new TokioCallsite(callsite));

    public TokioCallsite Of(Callsite callsite) => _callsites[callsite];

    public InstrumentationKind KindOf(Callsite callsite) => _callsites[callsite].Kind;
}
