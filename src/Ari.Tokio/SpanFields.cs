using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Reads a field's value the ways Tokio's instrumentation uses it: as text, or as an unsigned number.</summary>
internal static class SpanFields
{
    /// <summary>A field as text: strings and <c>%</c>/<c>?</c> values as written, numbers in decimal.</summary>
    public static string? Text(FieldValue? value) => value switch
    {
        null => null,
        { Type: FieldValueType.Str or FieldValueType.Debug or FieldValueType.Error } v => v.Text,
        { } v => v.ToString(),
    };

    public static ulong? Unsigned(FieldValue? value) => value switch
    {
        { Type: FieldValueType.U64 } v => v.U64,
        { Type: FieldValueType.I64 } v when v.I64 >= 0 => (ulong)v.I64,
        { Type: FieldValueType.Str or FieldValueType.Debug } v when ulong.TryParse(v.Text, out var parsed) => parsed,
        _ => null,
    };
}
