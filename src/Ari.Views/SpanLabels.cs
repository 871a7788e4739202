using System.Globalization;
using Ari.Model;
using Ari.Tokio;

namespace Ari.Views;

/// <summary>
/// Each live span's <see cref="SpanLabel"/>, made on first use and kept on the span itself
/// (<see cref="SpanNode.ViewLabel"/>; IDs are reused after close, so not by ID), so a label goes when the
/// replay lets go of its span, even when a filter hid the span's close from the view. A label depends on
/// the span alone, so every view of a replay can share it.
/// </summary>
public sealed class SpanLabels
{
    private readonly StyledText _scratch = new();

    public SpanLabel For(SpanNode span)
    {
        if (span.ViewLabel is not SpanLabel label)
        {
            label = Format(span);
            span.ViewLabel = label;
        }
        return label;
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
        FieldText.AppendAll(text, span.Callsite, span.CreatedValues, TextStyle.Plain);
        text.Append("}"u8, TextStyle.Plain);
        return new SpanLabel(text.Bytes.ToArray(), idStart, digits, Palette.Base(kind), Palette.Id(kind));
    }
}
