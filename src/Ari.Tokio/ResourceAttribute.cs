using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// One named piece of a resource's (or an async op's) state, rebuilt from <c>state_update</c> events:
/// <c>x</c> with <c>x.op</c> = <c>override</c>, <c>add</c> or <c>sub</c>, and <c>x.unit</c> for durations.
/// </summary>
public sealed class ResourceAttribute(string name)
{
    public string Name { get; } = name;

    public FieldValue? Value { get; private set; }

    public string? Unit { get; private set; }

    /// <summary>How many state updates set or changed it, the first (its initial value) included.</summary>
    public int Updates { get; private set; }

    public ulong LastUpdatedAt { get; private set; }

    internal FieldValue Apply(string op, FieldValue value, string? unit, ulong at)
    {
        Updates++;
        LastUpdatedAt = at;
        Unit = unit ?? Unit;
        Value = op switch
        {
            "add" when Value is { } current => Arithmetic(current, value, +1),
            "sub" when Value is { } current => Arithmetic(current, value, -1),
            "sub" => Arithmetic(FieldValue.FromU64(0), value, -1),
            _ => value,
        };
        return Value.Value;
    }

    public override string ToString() => Describe(Name, Value, Unit);

    /// <summary>An attribute as <c>ari resources</c> writes it: <c>permits=3</c>, <c>duration=10ms</c>.</summary>
    public static string Describe(string name, FieldValue? value, string? unit) => value is { } known ? $"{name}={Text(known)}{unit}" : name;

    public static string Text(FieldValue value) => value.Type switch
    {
        FieldValueType.Str or FieldValueType.Debug or FieldValueType.Error => value.Text,
        _ => value.ToString(),
    };

    private static FieldValue Arithmetic(FieldValue current, FieldValue change, int sign)
    {
        if (Integer(current) is { } a && Integer(change) is { } b)
        {
            var result = a + (sign * b);
            return result >= 0 && result <= ulong.MaxValue ? FieldValue.FromU64((ulong)result)
                : result >= long.MinValue && result <= long.MaxValue ? FieldValue.FromI64((long)result)
                : FieldValue.FromI128(result);
        }
        if (Real(current) is { } x && Real(change) is { } y)
        {
            return FieldValue.FromF64(x + (sign * y));
        }
        // Not numbers: Tokio only adds and subtracts numbers; keep the newest value rather than guess.
        return change;
    }

    private static Int128? Integer(FieldValue value) => value.Type switch
    {
        FieldValueType.U64 => value.U64,
        FieldValueType.I64 => value.I64,
        FieldValueType.I128 => value.I128,
        FieldValueType.U128 when value.U128 <= (UInt128)Int128.MaxValue => (Int128)value.U128,
        _ => null,
    };

    private static double? Real(FieldValue value) => value.Type == FieldValueType.F64 ? value.F64 : (double?)Integer(value);
}
