using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// A resumable decoder of ari wire data, in the manner of <c>Utf8JsonReader</c>: hand it whatever bytes have
/// arrived, it decodes the whole frames among them and leaves the buffer at the first byte it did not use,
/// so the caller keeps that tail and calls again when more bytes come. The header, the open batch and the
/// byte offset carry over between calls. After a <see cref="WireFormatException"/> the decoder is spent.
/// </summary>
public sealed class WireDecoder
{
    private readonly RecordParser _parser = new();
    private byte[] _scratch = [];

    /// <summary>The absolute offset of the first byte not yet consumed: the end of the last whole frame.</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>Frames decoded so far, including Batch records and skipped unknown kinds.</summary>
    public long FramesRead { get; private set; }

    public bool HeaderRead { get; private set; }

    /// <summary>The header's flags byte; reserved, so it is kept but means nothing yet.</summary>
    public byte Flags { get; private set; }

    public bool StreamEndSeen => _parser.StreamEndSeen;

    /// <summary>
    /// Decodes the next record from <paramref name="buffer"/> and slices the buffer past it. Returns false
    /// when the buffer holds no further whole frame; the buffer then starts at the unread tail.
    /// Batch records and frames of unknown kinds are consumed without being returned.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out WireRecord? record)
    {
        record = null;
        if (!HeaderRead && !TryReadHeader(ref buffer))
        {
            return false;
        }

        while (record is null)
        {
            if (!TryReadFrame(ref buffer, out record))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tells the decoder that no more bytes will come, after <see cref="TryRead"/> has returned false.
    /// <paramref name="unreadLength"/> is the length of the tail it left. Returns where the input was cut,
    /// or null when it ended cleanly after a whole frame.
    /// </summary>
    public Truncation? Complete(long unreadLength) =>
        unreadLength == 0 && HeaderRead ? null : new Truncation(BytesConsumed, unreadLength);

    private bool TryReadHeader(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[WireFormat.HeaderLength];
        int available = (int)Math.Min(buffer.Length, WireFormat.HeaderLength);
        buffer.Slice(0, available).CopyTo(header);

        // Compare what has arrived so far, so a stream that is not ari data fails on its first bytes.
        int magicBytes = Math.Min(available, WireFormat.Magic.Length);
        if (!header[..magicBytes].SequenceEqual(WireFormat.Magic[..magicBytes]))
        {
            ThrowHelper.ThrowNotAri();
        }

        if (available > 6 && header[6] != WireFormat.Version)
        {
            ThrowHelper.ThrowUnsupportedVersion(header[6]);
        }

        if (available < WireFormat.HeaderLength)
        {
            return false;
        }

        Flags = header[7];
        HeaderRead = true;
        buffer = buffer.Slice(WireFormat.HeaderLength);
        BytesConsumed = WireFormat.HeaderLength;
        return true;
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out WireRecord? record)
    {
        record = null;
        if (!TryReadFrameLength(buffer, out int length, out int prefix))
        {
            return false;
        }

        long total = prefix + length;
        if (buffer.Length < total)
        {
            return false;
        }

        ReadOnlySpan<byte> first = buffer.FirstSpan;
        ReadOnlySpan<byte> frame;
        if (first.Length >= total)
        {
            frame = first.Slice(prefix, length);
        }
        else
        {
            // The frame straddles segments: parse a contiguous copy. Whole frames are small, so this is rare.
            if (_scratch.Length < length)
            {
                _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
            }

            buffer.Slice(prefix, length).CopyTo(_scratch);
            frame = _scratch.AsSpan(0, length);
        }

        record = _parser.Parse(frame, BytesConsumed, BytesConsumed + prefix, FramesRead + 1);
        buffer = buffer.Slice(total);
        BytesConsumed += total;
        FramesRead++;
        return true;
    }

    private bool TryReadFrameLength(in ReadOnlySequence<byte> buffer, out int length, out int prefix)
    {
        length = 0;
        VarintStatus status = Varint.TryRead(buffer.FirstSpan, out ulong value, out prefix);
        if (status == VarintStatus.NeedMore && buffer.Length > buffer.FirstSpan.Length)
        {
            Span<byte> bytes = stackalloc byte[WireFormat.MaxVarintLength];
            int available = (int)Math.Min(buffer.Length, WireFormat.MaxVarintLength);
            buffer.Slice(0, available).CopyTo(bytes);
            status = Varint.TryRead(bytes[..available], out value, out prefix);
        }

        if (status == VarintStatus.NeedMore)
        {
            return false;
        }

        long recordNumber = FramesRead + 1;
        if (status == VarintStatus.TooLong)
        {
            ThrowHelper.ThrowBadFrame(BytesConsumed, recordNumber, "frame length varint longer than 10 bytes or larger than 64 bits");
        }

        if (value == 0)
        {
            ThrowHelper.ThrowBadFrame(BytesConsumed, recordNumber, "frame length 0");
        }

        if (value > WireFormat.MaxFrameLength)
        {
            ThrowHelper.ThrowBadFrame(BytesConsumed, recordNumber, $"frame length {value} is larger than 16 MiB");
        }

        length = (int)value;
        return true;
    }
}
