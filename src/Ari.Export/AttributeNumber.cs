using Ari.Wire;

namespace Ari.Export;

/// <summary>A resource attribute's value as a number for counters and numeric columns: bools as 0 and 1; text and non-finite numbers have none.</summary>
internal static class AttributeNumber
{
    public static double? Of(FieldValue value) => value.Type switch
    {
        FieldValueType.U64 => value.U64,
        FieldValueType.I64 => value.I64,
        FieldValueType.F64 when double.IsFinite(value.F64) => value.F64,
        FieldValueType.Bool => value.Bool ? 1 : 0,
        _ => null,
    };
}
