using System.Globalization;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views;

/// <summary>
/// Each live span's <see cref="SpanLabel"/>, made on first use and kept on the span itself (<see cref="SpanViews"/>).
/// </summary>
internal sealed class SpanLabels(CallsiteMap<CallsiteTexts> callsites)
{
    private readonly StyledText _scratch = new();

    public SpanLabel For(SpanNode span)
    {
        var views = SpanViews.Of(span);
        return views.Label ??= Format(span);
    }

    private SpanLabel Format(SpanNode span)
    {
        var kind = Instrumentation.KindOf(span.Callsite);
        var text = _scratch;
        text.Clear();
        TextEscapes.AppendVisible(text, span.Name, TextStyle.Plain);
        text.Append("["u8, TextStyle.Plain);
        var idStart = text.Bytes.Length;
        text.Commit(span.Id.TryFormat(text.Reserve(20), out var digits, default, CultureInfo.InvariantCulture) ? digits : 0, TextStyle.Plain);
        text.Append("]{"u8, TextStyle.Plain);
        FieldText.AppendAll(text, callsites[span.Callsite], span.CreatedValues, TextStyle.Plain);
        text.Append("} "u8, TextStyle.Plain);
        return new SpanLabel(text.Bytes.ToArray(), idStart, digits, Palette.Base(kind), Palette.Id(kind));
    }
}
