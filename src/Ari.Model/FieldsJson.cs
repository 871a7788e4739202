using System.Globalization;
using System.Text.Json;
using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// A span's or event's fields as one JSON object, values typed as recorded: the <c>fields</c> of
/// <c>ari show --format json</c> and of the SQL tables.
/// </summary>
public static class FieldsJson
{
    public static void Write(Utf8JsonWriter json, Callsite callsite, FieldValues values) =>
        Write(json, callsite, values, null);

    /// <param name="escaped">The writer's escaped texts for this callsite, when it keeps them.</param>
    public static void Write(Utf8JsonWriter json, Callsite callsite, FieldValues values, IEscapedFieldTexts? escaped)
    {
        json.WriteStartObject();
        foreach (var field in values)
        {
            if (escaped is null)
            {
                json.WritePropertyName(callsite.FieldName(field.Index));
            }
            else
            {
                json.WritePropertyName(escaped.FieldName(field.Index));
            }
            WriteValue(json, field.Value, escaped);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, FieldValue value, IEscapedFieldTexts? escaped)
    {
        switch (value.Type)
        {
            case FieldValueType.I64: json.WriteNumberValue(value.I64); break;
            case FieldValueType.U64: json.WriteNumberValue(value.U64); break;
            // JSON numbers have no size limit; System.Text.Json has no 128-bit writer, so write the digits.
            case FieldValueType.I128: json.WriteRawValue(value.I128.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case FieldValueType.U128: json.WriteRawValue(value.U128.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case FieldValueType.F64 when double.IsFinite(value.F64): json.WriteNumberValue(value.F64); break;
            case FieldValueType.F64: json.WriteStringValue(RustFloat.NonFinite(value.F64)); break;
            case FieldValueType.Bool: json.WriteBooleanValue(value.Bool); break;
            case FieldValueType.Str or FieldValueType.Debug or FieldValueType.Error when escaped is not null: escaped.WriteText(json, value.Text); break;
            default: json.WriteStringValue(value.Text); break;
        }
    }
}
