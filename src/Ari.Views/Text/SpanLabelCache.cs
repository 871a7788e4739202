using System.Globalization;
using Ari.Model;
using Ari.Tokio;
using Ari.Views.Styling;
using Ari.Wire;

namespace Ari.Views.Text;

/// <summary>Each live span's <see cref="SpanLabel"/>, made on first use and kept until the span's close (<see cref="SpanCache{T}"/>).</summary>
internal sealed class SpanLabelCache(CallsiteMap<CallsiteTexts> callsites)
{
    /// <summary>Where a label is laid out: its parts' places are kept by hand (<see cref="SpanLabel"/>), so its text keeps no styles.</summary>
    private readonly StyledText _scratch = new(keepsStyles: false);
    private readonly SpanCache<SpanLabel> _labels = new();

    public SpanLabel For(SpanNode span)
    {
        if (_labels.Find(span) is { } label)
        {
            return label;
        }
        label = Format(span);
        _labels.Keep(span, label);
        return label;
    }

    /// <summary>The label of an entry of the span itself; after its close, the span's last, the label is let go.</summary>
    public SpanLabel For(SpanNode span, TraceOp op)
    {
        var label = For(span);
        if (op == TraceOp.Close)
        {
            _labels.Forget(span);
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
        FieldText.AppendAll(text, callsites[span.Callsite], span.CreatedValues, TextStyle.Plain);
        text.Append("} "u8, TextStyle.Plain);
        return new SpanLabel(text.Bytes.ToArray(), idStart, digits, Palette.Base(kind), Palette.Id(kind));
    }
}
