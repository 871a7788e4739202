namespace Ari.Wire;

/// <summary>
/// A record's values kept as the wire has them, for <see cref="FieldValues"/> to decode when someone
/// reads them: most events' values are never read (a filtered view, an analysis that counts), and a live
/// span's values in a few dozen bytes are cheaper to keep alive than an array of decoded fields. The bytes
/// start with the count (a varint), then the values, which the reader has already checked, so decoding
/// them cannot fail.
/// </summary>
internal static class EncodedValues
{
    /// <summary>One decoder a thread: its string cache is not for sharing, and values may be read on any thread.</summary>
    [ThreadStatic]
    private static ValueDecoder? t_decoder;

    /// <summary>A copy of <paramref name="values"/>, which have passed <see cref="ValueDecoder.Check"/> and hold <paramref name="count"/> values.</summary>
    public static byte[] Copy(ReadOnlySpan<byte> values, int count)
    {
        var encoded = new byte[Size(values.Length, count)];
        Write(encoded, values, count);
        return encoded;
    }

    /// <summary>How many bytes <paramref name="count"/> values of <paramref name="valuesLength"/> bytes take with their count in front.</summary>
    public static int Size(int valuesLength, int count) => Varint.Size((ulong)count) + valuesLength;

    /// <summary>Writes the count, then <paramref name="values"/>, at the start of <paramref name="destination"/>; returns how many bytes.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> values, int count)
    {
        int prefix = Varint.Write(destination, (ulong)count);
        values.CopyTo(destination[prefix..]);
        return prefix + values.Length;
    }

    public static int Count(ReadOnlySpan<byte> encoded) => (int)Read(encoded, out _);

    /// <summary>The values' bytes without the count in front.</summary>
    public static ReadOnlySpan<byte> Values(ReadOnlySpan<byte> encoded)
    {
        Read(encoded, out int prefix);
        return encoded[prefix..];
    }

    public static Field[] Decode(ReadOnlySpan<byte> encoded)
    {
        int count = (int)Read(encoded, out int prefix);
        return (t_decoder ??= new ValueDecoder()).Decode(encoded[prefix..], count);
    }

    private static ulong Read(ReadOnlySpan<byte> encoded, out int prefix)
    {
        Varint.TryRead(encoded, out ulong count, out prefix);
        return count;
    }
}
