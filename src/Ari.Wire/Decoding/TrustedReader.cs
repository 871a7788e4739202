using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// Reads values that <see cref="ValueDecoder.Check"/> has already passed, so it checks nothing itself
/// (the span's own bounds still hold): a third of the records carry values, and decoding them is most of
/// what the reader's consuming thread does before the replay.
/// </summary>
internal ref struct TrustedReader(ReadOnlySpan<byte> bytes) : IValueReader
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly long Offset => _position;

    public byte ReadByte() => _bytes[_position++];

    public ulong ReadVarint()
    {
        Varint.TryRead(_bytes[_position..], out ulong value, out int length);
        _position += length;
        return value;
    }

    public ReadOnlySpan<byte> ReadUtf8() => ReadFixed((int)ReadVarint());

    public ReadOnlySpan<byte> ReadFixed(int length)
    {
        ReadOnlySpan<byte> bytes = _bytes.Slice(_position, length);
        _position += length;
        return bytes;
    }

    [DoesNotReturn]
    public readonly void Fail(long offset, string problem) =>
        throw new UnreachableException($"values that passed their check failed at byte {offset}: {problem}");
}
