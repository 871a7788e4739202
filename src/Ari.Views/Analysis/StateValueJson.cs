using System.Globalization;
using System.Text.Json;
using Ari.Wire;

namespace Ari.Views.Analysis;

/// <summary>A resource attribute's value in JSON: numbers as numbers, booleans as booleans, the rest as text.</summary>
internal static class StateValueJson
{
    public static void Write(Utf8JsonWriter json, string name, FieldValue? value)
    {
        json.WritePropertyName(name);
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case { Type: FieldValueType.U64 } v: json.WriteNumberValue(v.U64); break;
            case { Type: FieldValueType.I64 } v: json.WriteNumberValue(v.I64); break;
            case { Type: FieldValueType.F64 } v when double.IsFinite(v.F64): json.WriteNumberValue(v.F64); break;
            case { Type: FieldValueType.I128 or FieldValueType.U128 } v: json.WriteRawValue(v.ToString(), skipInputValidation: true); break;
            case { Type: FieldValueType.Bool } v: json.WriteBooleanValue(v.Bool); break;
            case { } v: json.WriteStringValue(Tokio.ResourceAttribute.Text(v)); break;
        }
    }

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
