using Ari.Wire;

namespace Ari.Views;

/// <summary>Each callsite's <see cref="CallsiteTexts"/>, made on first use; callsites by identity, as a replay makes each once.</summary>
public sealed class CallsiteTextCache
{
    private readonly Dictionary<Callsite, CallsiteTexts> _texts = new(ReferenceEqualityComparer.Instance);

    public CallsiteTexts For(Callsite callsite)
    {
        if (!_texts.TryGetValue(callsite, out var texts))
        {
            texts = new CallsiteTexts(callsite);
            _texts.Add(callsite, texts);
        }
        return texts;
    }
}
