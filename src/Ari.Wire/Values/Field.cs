namespace Ari.Wire;

/// <summary>
/// A recorded value and the index of its name in the callsite's <see cref="Callsite.FieldNames"/>, in 24
/// bytes: the value's parts are kept beside the index rather than as a nested <see cref="FieldValue"/>, whose
/// padding would make every field 32. Every span and event carries an array of these.
/// </summary>
public readonly struct Field : IEquatable<Field>
{
    private readonly object? _other;
    private readonly ulong _low;
    private readonly FieldValueType _type;

    public Field(int index, FieldValue value)
    {
        Index = index;
        _type = value.Type;
        _low = value.Low;
        _other = value.Other;
    }

    public int Index { get; }

    public FieldValue Value => new(_type, _low, _other);

    public bool Equals(Field other) => Index == other.Index && Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is Field other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Index, Value);

    public static bool operator ==(Field left, Field right) => left.Equals(right);

    public static bool operator !=(Field left, Field right) => !left.Equals(right);

    public override string ToString() => $"Field {{ Index = {Index}, Value = {Value} }}";
}
