using Ari.Views.Styling;

namespace Ari.Views.Text;

/// <summary>
/// A span as every text view shows it, <c>name[id]{fields}</c>, formatted once when first shown: as in
/// ari-subscriber 0.0.1, a span's text is fixed by the values it was created with. Every view that
/// shows a span's label in a scope follows it with a space, so the text ends with one: text without
/// styles takes the pair in a single copy.
/// </summary>
internal sealed class SpanLabel(byte[] textAndSpace, int idStart, int idLength, Tint baseTint, Tint idTint)
{
    private byte[] _rendered = [];
    private ISegmentWriter? _renderedBy;

    /// <summary>The colour of the span's kind, for its text and the tree's arrow.</summary>
    public Tint Base { get; } = baseTint;

    /// <summary>The kind's ID colour, for the ID and the lifecycle words.</summary>
    public Tint Id { get; } = idTint;

    public void AppendTo(StyledText line)
    {
        if (!line.KeepsStyles)
        {
            line.Append(textAndSpace.AsSpan(0, textAndSpace.Length - 1), TextStyle.Plain);
            return;
        }
        if (line.Writer is { } writer)
        {
            if (!ReferenceEquals(_renderedBy, writer))
            {
                _rendered = line.Render(AppendStyled);
                _renderedBy = writer;
            }
            line.AppendRendered(_rendered);
            return;
        }
        AppendStyled(line);
    }

    /// <summary>
    /// The label in its three styled parts. A writer turns them into bytes once (<see cref="StyledText.Render"/>),
    /// kept here for every later line of the span: writing a label's escape sequences or tags on every line
    /// was about an eighth of the ANSI view's time.
    /// </summary>
    private void AppendStyled(StyledText line)
    {
        var style = new TextStyle(Base);
        line.Append(textAndSpace.AsSpan(0, idStart), style);
        line.Append(textAndSpace.AsSpan(idStart, idLength), new TextStyle(Id, Emphasis.Bold));
        line.Append(textAndSpace.AsSpan(idStart + idLength, textAndSpace.Length - 1 - idStart - idLength), style);
    }

    /// <summary>The label and a space after it, as a scope shows each of its spans.</summary>
    public void AppendWithSpace(StyledText line)
    {
        if (!line.KeepsStyles)
        {
            line.Append(textAndSpace, TextStyle.Plain);
            return;
        }
        AppendTo(line);
        line.Append(" "u8, TextStyle.Plain);
    }
}
