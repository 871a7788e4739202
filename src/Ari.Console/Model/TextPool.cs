namespace Ari.Console.Model;

/// <summary>
/// One copy of each text the rows of a snapshot hold: thousands of resources of one kind mostly have the
/// same attributes and readiness, and a string a row would cost more than the rest of the row.
/// </summary>
internal sealed class TextPool
{
    private readonly Dictionary<string, string> _texts = [];

    public string Of(string text)
    {
        if (_texts.TryGetValue(text, out var pooled))
        {
            return pooled;
        }
        _texts[text] = text;
        return text;
    }
}
