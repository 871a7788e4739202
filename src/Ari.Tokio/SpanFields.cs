using Ari.Model;
using Ari.Wire;

namespace Ari.Tokio;

/// <summary>Reads Tokio's fields by name: a span's current values or an event's.</summary>
internal static class SpanFields
{
    /// <summary>The field named <paramref name="name"/> followed by <paramref name="suffix"/> (<c>x.op</c> for <c>x</c>), without building that name.</summary>
    public static FieldValue? FindCompanion(Callsite callsite, FieldValues values, string name, string suffix)
    {
        foreach (var field in values)
        {
            if (field.Index < callsite.FieldNames.Count && callsite.FieldNames[field.Index] is var candidate
                && candidate.Length == name.Length + suffix.Length
                && candidate.StartsWith(name, StringComparison.Ordinal) && candidate.EndsWith(suffix, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }
        return null;
    }

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
