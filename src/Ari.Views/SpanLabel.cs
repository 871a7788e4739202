namespace Ari.Views;

/// <summary>
/// A span as every text view shows it, <c>name[id]{fields}</c>, formatted once when first shown: as in
/// ari-subscriber 0.0.1, a span's text is fixed by the values it was created with.
/// </summary>
public sealed class SpanLabel(byte[] text, int idStart, int idLength, Tint baseTint, Tint idTint)
{
    /// <summary>The colour of the span's kind, for its text and the tree's arrow.</summary>
    public Tint Base { get; } = baseTint;

    /// <summary>The kind's ID colour, for the ID and the lifecycle words.</summary>
    public Tint Id { get; } = idTint;

    public void AppendTo(StyledText line)
    {
        var style = new TextStyle(Base);
        line.Append(text.AsSpan(0, idStart), style);
        line.Append(text.AsSpan(idStart, idLength), new TextStyle(Id, Emphasis.Bold));
        line.Append(text.AsSpan(idStart + idLength), style);
    }
}
