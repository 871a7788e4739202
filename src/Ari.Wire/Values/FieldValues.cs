using System.Collections;
using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// The values of one record, in wire order. Immutable; equality compares contents. The values a reader
/// hands on stay encoded until they are first read (see <see cref="EncodedValues"/>), and each read of
/// such values decodes them again: read them once (<see cref="AsSpan"/>, or a <c>foreach</c>) and keep
/// what you need, rather than indexing them one field at a time.
/// </summary>
public readonly struct FieldValues : IReadOnlyList<Field>, IEquatable<FieldValues>
{
    /// <summary>
    /// Null (no values), a <see cref="Field"/> array this owns, or a byte array holding the values encoded
    /// (<see cref="EncodedValues"/>) from <see cref="_start"/> for <see cref="_length"/> bytes: an array of
    /// their own, or a reader's store of many records' values, which is never written again.
    /// </summary>
    private readonly object? _store;
    private readonly int _start;
    private readonly int _length;

    private FieldValues(Field[] fields) => _store = fields;

    private FieldValues(byte[] store, int start, int length)
    {
        _store = store;
        _start = start;
        _length = length;
    }

    public static FieldValues Empty => default;

    public int Count => _store switch
    {
        null => 0,
        byte[] => EncodedValues.Count(Encoded()),
        _ => Unsafe.As<Field[]>(_store).Length,
    };

    public Field this[int index] => AsSpan()[index];

    /// <summary>True while the values are still as the wire had them; the next read decodes them.</summary>
    internal bool IsEncoded => _store is byte[];

    public static FieldValues Create(params ReadOnlySpan<Field> fields) =>
        fields.IsEmpty ? Empty : new FieldValues(fields.ToArray());

    public ReadOnlySpan<Field> AsSpan() => Fields();

    public ReadOnlySpan<Field>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<Field> IEnumerable<Field>.GetEnumerator() => ((IEnumerable<Field>)Fields()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Field>)this).GetEnumerator();

    /// <summary>
    /// True when both are the very same values, one record's, not merely equal ones: a test that costs
    /// nothing, for a cache of what was made of a span's values (a <c>record</c> gives the span new ones).
    /// </summary>
    public bool IsSameAs(FieldValues other) => ReferenceEquals(_store, other._store) && _start == other._start;

    /// <summary>
    /// These values, holding on to no more memory than their own: values read in place from a reader's
    /// store are copied. Whatever keeps values for long (a live span) keeps these, so that it does not
    /// keep a whole store of other records' values alive.
    /// </summary>
    public FieldValues Own() =>
        _store is byte[] store && (_start != 0 || _length != store.Length) ? new(Encoded().ToArray(), 0, _length) : this;

    /// <summary>
    /// <see cref="Own"/>, or <paramref name="owned"/> itself when that holds the very same encoded bytes:
    /// <paramref name="owned"/> is an earlier result, and sharing it saves an array.
    /// </summary>
    public FieldValues OwnOrShare(FieldValues owned) =>
        _store is byte[] && owned._store is byte[] && Encoded().SequenceEqual(owned.Encoded()) ? owned : Own();

    public bool Equals(FieldValues other) => AsSpan().SequenceEqual(other.AsSpan());

    public override bool Equals(object? obj) => obj is FieldValues other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(FieldValues left, FieldValues right) => left.Equals(right);

    public static bool operator !=(FieldValues left, FieldValues right) => !left.Equals(right);

    public override string ToString() => $"[{string.Join(", ", Fields())}]";

    /// <summary>
    /// Values that <see cref="ValueDecoder.Check"/> has passed, <paramref name="count"/> of them, copied as
    /// they are, to be decoded when read.
    /// </summary>
    internal static FieldValues Encoded(ReadOnlySpan<byte> values, int count)
    {
        if (count == 0)
        {
            return Empty;
        }

        byte[] encoded = EncodedValues.Copy(values, count);
        return new FieldValues(encoded, 0, encoded.Length);
    }

    /// <summary>
    /// Values encoded in <paramref name="store"/> (count first, as <see cref="EncodedValues"/> has them),
    /// read in place: the store must never be written there again.
    /// </summary>
    internal static FieldValues InPlace(byte[] store, int start, int length) => new(store, start, length);

    /// <summary>The encoded values' bytes, for a writer that can copy them as they are; empty when not encoded.</summary>
    internal ReadOnlySpan<byte> EncodedBytes => _store is byte[] ? EncodedValues.Values(Encoded()) : default;

    /// <summary>The array this owns, or a new one decoded from the encoded values.</summary>
    private Field[] Fields() => _store switch
    {
        null => [],
        byte[] => EncodedValues.Decode(Encoded()),
        _ => Unsafe.As<Field[]>(_store),
    };

    private ReadOnlySpan<byte> Encoded() => Unsafe.As<byte[]>(_store).AsSpan(_start, _length);
}
