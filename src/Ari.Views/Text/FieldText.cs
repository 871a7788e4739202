using System.Globalization;
using Ari.Model;
using Ari.Views.Styling;
using Ari.Wire;

namespace Ari.Views.Text;

/// <summary>
/// Field values as ari-subscriber 0.0.1 wrote them, which is Rust's <c>{:?}</c> of what tracing's
/// <c>Visit</c> was given: numbers and bools as digits and words, <c>str</c> quoted, pre-formatted
/// text (<c>%</c>, <c>?</c>, messages, errors' Display) as it is.
/// </summary>
internal static class FieldText
{
    public static void AppendValue(StyledText text, in FieldValue value, TextStyle style)
    {
        switch (value.Type)
        {
            case FieldValueType.I64: Commit(text, value.I64.TryFormat(text.Reserve(20), out var n, default, CultureInfo.InvariantCulture), n, style); break;
            case FieldValueType.U64: Commit(text, value.U64.TryFormat(text.Reserve(20), out n, default, CultureInfo.InvariantCulture), n, style); break;
            case FieldValueType.I128: Commit(text, value.I128.TryFormat(text.Reserve(40), out n, default, CultureInfo.InvariantCulture), n, style); break;
            case FieldValueType.U128: Commit(text, value.U128.TryFormat(text.Reserve(40), out n, default, CultureInfo.InvariantCulture), n, style); break;
            case FieldValueType.F64: text.Commit(RustFloat.FormatDebug(value.F64, text.Reserve(RustFloat.MaxLength)), style); break;
            case FieldValueType.Bool: text.Append(value.Bool ? "true"u8 : "false"u8, style); break;
            case FieldValueType.Str: TextEscapes.AppendRustStr(text, value.Text, style); break;
            default: TextEscapes.AppendVisible(text, value.Text, style); break;
        }
    }

    /// <summary><c>name=value</c> pairs joined by <c>, </c>, every field in recorded order (a span's fields).</summary>
    public static void AppendAll(StyledText text, CallsiteTexts names, FieldValues values, TextStyle style)
    {
        var first = true;
        foreach (var field in values)
        {
            if (!first)
            {
                text.Append(", "u8, style);
            }
            first = false;
            AppendPair(text, names, field, style);
        }
    }

    /// <summary>An event's fields: like a span's, but <c>message</c> goes last, after one space.</summary>
    public static void AppendEvent(StyledText text, CallsiteTexts names, FieldValues values, TextStyle style)
    {
        var first = true;
        var message = -1;
        var span = values.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            if (names.IsMessage(span[i].Index))
            {
                message = i;
                continue;
            }
            if (!first)
            {
                text.Append(", "u8, style);
            }
            first = false;
            AppendPair(text, names, span[i], style);
        }
        if (message >= 0)
        {
            if (!first)
            {
                text.Append(" "u8, style);
            }
            AppendValue(text, span[message].Value, style);
        }
    }

    private static void AppendPair(StyledText text, CallsiteTexts names, in Field field, TextStyle style)
    {
        text.Append(names.NameAndEquals(field.Index), style);
        AppendValue(text, field.Value, style);
    }

    private static void Commit(StyledText text, bool formatted, int written, TextStyle style) =>
        text.Commit(formatted ? written : 0, style);
}
