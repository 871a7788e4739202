using System.Collections;

namespace Ari.Wire;

/// <summary>
/// The values of one record, in wire order. A thin wrapper over an array it owns, so records stay
/// immutable without a copy; equality compares contents.
/// </summary>
public readonly struct FieldValues : IReadOnlyList<Field>, IEquatable<FieldValues>
{
    private readonly Field[]? _fields;

    private FieldValues(Field[] fields) => _fields = fields;

    public static FieldValues Empty => default;

    public int Count => _fields?.Length ?? 0;

    public Field this[int index] => AsSpan()[index];

    public static FieldValues Create(params ReadOnlySpan<Field> fields) =>
        fields.IsEmpty ? Empty : new FieldValues(fields.ToArray());

    public ReadOnlySpan<Field> AsSpan() => _fields;

    public ReadOnlySpan<Field>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<Field> IEnumerable<Field>.GetEnumerator() => ((IEnumerable<Field>)(_fields ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Field>)this).GetEnumerator();

    public bool Equals(FieldValues other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is FieldValues other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(FieldValues left, FieldValues right) => left.Equals(right);

    public static bool operator !=(FieldValues left, FieldValues right) => !left.Equals(right);

    public override string ToString() => $"[{string.Join(", ", _fields ?? [])}]";

    /// <summary>Takes ownership of <paramref name="fields"/>: the decoder hands over an array it never touches again.</summary>
    internal static FieldValues Own(Field[] fields) => fields.Length == 0 ? Empty : new FieldValues(fields);
}
