using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// Reads the primitive types of one frame body. Every read is bounded by the frame, and every failure
/// names the absolute byte offset of the item that failed.
/// </summary>
internal ref struct BodyReader : IValueReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly long _bodyOffset;
    private readonly long _frameOffset;
    private readonly long _recordNumber;
    private readonly RecordKind _kind;
    private int _position;

    public BodyReader(ReadOnlySpan<byte> body, long bodyOffset, long frameOffset, long recordNumber, RecordKind kind)
    {
        _body = body;
        _bodyOffset = bodyOffset;
        _frameOffset = frameOffset;
        _recordNumber = recordNumber;
        _kind = kind;
        _position = 0;
    }

    public readonly bool AtEnd => _position == _body.Length;

    public readonly long Offset => _bodyOffset + _position;

    /// <summary>How many bytes are not read yet.</summary>
    public readonly int Remaining => _body.Length - _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarint()
    {
        VarintStatus status = Varint.TryRead(_body[_position..], out ulong value, out int length);
        if (status != VarintStatus.Done)
        {
            ThrowBadVarint(status);
        }

        _position += length;
        return value;
    }

    public byte ReadByte()
    {
        if (_position >= _body.Length)
        {
            Fail("the record ends where another byte was expected");
        }

        return _body[_position++];
    }

    /// <summary>A varint that indexes a table of the reader's (callsites, threads, field names), so it must fit an <see cref="int"/>.</summary>
    /// <summary>
    /// A callsite, thread or field index. The tap numbers them from 0 as it meets them, so a huge one is
    /// damage, and taking it at its word would have the reader allocate tables that large.
    /// </summary>
    public int ReadIndex(string what)
    {
        long start = Offset;
        ulong value = ReadVarint();
        if (value > WireFormat.MaxIndex)
        {
            Fail(start, $"{what} {value} is too large (at most {WireFormat.MaxIndex})");
        }

        return (int)value;
    }

    /// <summary>A count of items that follow in this body, each at least one byte long.</summary>
    public int ReadCount(string what)
    {
        long start = Offset;
        ulong value = ReadVarint();
        if (value > (ulong)(_body.Length - _position))
        {
            Fail(start, $"{what} {value} is more than the {_body.Length - _position} bytes left in the record");
        }

        return (int)value;
    }

    public ulong ReadSpanId()
    {
        long start = Offset;
        ulong id = ReadVarint();
        if (id == 0)
        {
            Fail(start, "span ID 0 (tracing's span IDs are never 0)");
        }

        return id;
    }

    public string ReadString() => StringCache.Decode(ReadUtf8());

    public ReadOnlySpan<byte> ReadUtf8()
    {
        long start = Offset;
        ulong length = ReadVarint();
        if (length > (ulong)(_body.Length - _position))
        {
            Fail(start, $"string of {length} bytes runs past the end of the record ({_body.Length - _position} bytes left)");
        }

        ReadOnlySpan<byte> utf8 = _body.Slice(_position, (int)length);
        _position += (int)length;
        return utf8;
    }

    public ReadOnlySpan<byte> ReadFixed(int length)
    {
        if (length > _body.Length - _position)
        {
            Fail($"{length}-byte value runs past the end of the record ({_body.Length - _position} bytes left)");
        }

        ReadOnlySpan<byte> bytes = _body.Slice(_position, length);
        _position += length;
        return bytes;
    }

    /// <summary>Fixed-shape records must end where their last field ends: extra bytes mean the writer and reader disagree.</summary>
    public readonly void ExpectEnd()
    {
        if (!AtEnd)
        {
            Fail($"{_body.Length - _position} unexpected bytes after the last field");
        }
    }

    [DoesNotReturn]
    public readonly void Fail(string problem) => Fail(Offset, problem);

    [DoesNotReturn]
    public readonly void Fail(long offset, string problem) =>
        ThrowHelper.ThrowBadBody(offset, _recordNumber, _kind, _frameOffset, problem);

    [DoesNotReturn]
    private readonly void ThrowBadVarint(VarintStatus status) =>
        Fail(status == VarintStatus.NeedMore
            ? "varint runs past the end of the record"
            : "varint longer than 10 bytes or larger than 64 bits");
}
