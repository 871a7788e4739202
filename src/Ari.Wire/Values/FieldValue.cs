using System.Globalization;

namespace Ari.Wire;

/// <summary>
/// One recorded value, in 24 bytes: numbers in one 64-bit word, a string (or the high word of a rare
/// 128-bit number, boxed) in one reference, so that arrays of them, which every span and event carries,
/// stay small. Equality is bitwise, so NaN equals itself and a round trip compares equal.
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly ulong _low;

    /// <summary>The text of a string value, the <see cref="HighWord"/> of a 128-bit one, otherwise null.</summary>
    private readonly object? _other;

    internal FieldValue(FieldValueType type, ulong low, object? other)
    {
        Type = type;
        _low = low;
        _other = other;
    }

    /// <summary>The number's bits, for a <see cref="Field"/> that keeps the parts side by side.</summary>
    internal ulong Low => _low;

    /// <summary>The string or boxed high word, for a <see cref="Field"/> that keeps the parts side by side.</summary>
    internal object? Other => _other;

    public FieldValueType Type { get; }

    public static FieldValue FromI64(long value) => new(FieldValueType.I64, (ulong)value, null);

    public static FieldValue FromU64(ulong value) => new(FieldValueType.U64, value, null);

    public static FieldValue FromI128(Int128 value) => new(FieldValueType.I128, (ulong)value, new HighWord((ulong)(value >> 64)));

    public static FieldValue FromU128(UInt128 value) => new(FieldValueType.U128, (ulong)value, new HighWord((ulong)(value >> 64)));

    public static FieldValue FromF64(double value) => new(FieldValueType.F64, BitConverter.DoubleToUInt64Bits(value), null);

    public static FieldValue FromBool(bool value) => new(FieldValueType.Bool, value ? 1UL : 0UL, null);

    public static FieldValue FromStr(string value) => new(FieldValueType.Str, 0, value);

    public static FieldValue FromDebug(string value) => new(FieldValueType.Debug, 0, value);

    public static FieldValue FromError(string value) => new(FieldValueType.Error, 0, value);

    public long I64 => Type == FieldValueType.I64 ? (long)_low : throw WrongType(FieldValueType.I64);

    public ulong U64 => Type == FieldValueType.U64 ? _low : throw WrongType(FieldValueType.U64);

    public Int128 I128 => Type == FieldValueType.I128 ? new Int128(High, _low) : throw WrongType(FieldValueType.I128);

    public UInt128 U128 => Type == FieldValueType.U128 ? new UInt128(High, _low) : throw WrongType(FieldValueType.U128);

    public double F64 => Type == FieldValueType.F64 ? BitConverter.UInt64BitsToDouble(_low) : throw WrongType(FieldValueType.F64);

    public bool Bool => Type == FieldValueType.Bool ? _low != 0 : throw WrongType(FieldValueType.Bool);

    /// <summary>The text of a <see cref="FieldValueType.Str"/>, <see cref="FieldValueType.Debug"/> or <see cref="FieldValueType.Error"/> value.</summary>
    public string Text => _other as string ?? throw WrongType(FieldValueType.Str);

    /// <summary>The high 64 bits of a 128-bit value; 0 for every other type.</summary>
    private ulong High => (_other as HighWord)?.Value ?? 0;

    public bool Equals(FieldValue other) =>
        Type == other.Type && _low == other._low && High == other.High
        && string.Equals(_other as string, other._other as string, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, _low, High, _other as string);

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <summary>A debugging rendering (type and value); views format values themselves.</summary>
    public override string ToString() => Type switch
    {
        FieldValueType.I64 => I64.ToString(CultureInfo.InvariantCulture),
        FieldValueType.U64 => U64.ToString(CultureInfo.InvariantCulture),
        FieldValueType.I128 => I128.ToString(CultureInfo.InvariantCulture),
        FieldValueType.U128 => U128.ToString(CultureInfo.InvariantCulture),
        FieldValueType.F64 => F64.ToString("R", CultureInfo.InvariantCulture),
        FieldValueType.Bool => Bool ? "true" : "false",
        FieldValueType.Str => $"\"{Text}\"",
        _ => $"{Type}({Text})",
    };

    private InvalidOperationException WrongType(FieldValueType wanted) =>
        new($"field value is {Type}, not {wanted}");

    /// <summary>Boxed, because 128-bit values are rare and every other value would pay for a second word.</summary>
    private sealed class HighWord(ulong value)
    {
        public ulong Value { get; } = value;
    }
}
