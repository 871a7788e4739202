using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>
/// A resumable decoder of ari wire data, in the manner of <c>Utf8JsonReader</c>: hand it whatever bytes have
/// arrived, it decodes the whole frames among them and leaves the buffer at the first byte it did not use,
/// so the caller keeps that tail and calls again when more bytes come. The header, the open batch and the
/// byte offset carry over between calls. After a <see cref="WireFormatException"/> the decoder is spent.
/// </summary>
internal sealed class WireDecoder
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
    /// Decodes every whole frame in <paramref name="buffer"/> into <paramref name="merger"/> and leaves the
    /// buffer at the unread tail. The frames that lie whole in one segment, nearly all, are read straight
    /// from that segment's span; the rest (frames that straddle segments, stream records, and every
    /// frame with a problem to report) go through <see cref="TryReadFrame"/>, which checks everything.
    /// </summary>
    public void ReadInto(ref ReadOnlySequence<byte> buffer, SequenceMerger merger)
    {
        if (!HeaderRead && !TryReadHeader(ref buffer))
        {
            return;
        }

        while (true)
        {
            int used = ReadWholeFrames(buffer.FirstSpan, merger);
            if (used > 0)
            {
                buffer = buffer.Slice(used);
            }

            if (!TryReadFrame(ref buffer, merger))
            {
                return;
            }
        }
    }

    /// <summary>Returns how many bytes of <paramref name="span"/> it used; it stops before a frame it cannot take whole and sound.</summary>
    // Never inlined, so that the JIT compiles this loop on its own budget for inlining: inlined into its
    // callers, whose budget was spent by then, it left small helpers (a span's Slice, reading a varint,
    // counting a frame, the held record's constructor) as calls (bench/limits.md).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadWholeFrames(ReadOnlySpan<byte> span, SequenceMerger merger)
    {
        int position = 0;
        while (Varint.TryRead(span[position..], out ulong length, out int prefix) == VarintStatus.Done
            && length is > 0 and <= WireFormat.MaxFrameLength
            && (ulong)(span.Length - position - prefix) >= length)
        {
            ReadOnlySpan<byte> frame = span.Slice(position + prefix, (int)length);
            if (_parser.TryParseCallback(frame, BytesConsumed, out HeldCallback callback, out ReadOnlySpan<byte> values))
            {
                merger.Add(callback, values);
                CountFrame(prefix, frame.Length);
            }
            else
            {
                ParseInto(merger, frame, prefix);
            }

            position += prefix + (int)length;
        }

        return position;
    }

    /// <summary>
    /// Tells the decoder that no more bytes will come, after <see cref="ReadInto"/> has left the tail.
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

    /// <summary>Reads one frame into <paramref name="merger"/>; false when the buffer holds no whole frame.</summary>
    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, SequenceMerger merger)
    {
        if (!TryTakeFrame(ref buffer, out ReadOnlySpan<byte> frame, out int prefix))
        {
            return false;
        }

        ParseInto(merger, frame, prefix);
        return true;
    }

    private void ParseInto(SequenceMerger merger, ReadOnlySpan<byte> frame, int prefix)
    {
        if (Parse(frame, prefix, out HeldCallback callback, out ReadOnlySpan<byte> values, out StreamRecord? stream))
        {
            if (stream is not null)
            {
                merger.Add(stream);
            }
            else
            {
                merger.Add(callback, values);
            }
        }
    }

    /// <summary>Parses one frame and counts it consumed.</summary>
    private bool Parse(ReadOnlySpan<byte> frame, int prefix, out HeldCallback callback, out ReadOnlySpan<byte> values, out StreamRecord? stream)
    {
        bool found = _parser.Parse(frame, BytesConsumed, BytesConsumed + prefix, FramesRead + 1, out callback, out values, out stream);
        CountFrame(prefix, frame.Length);
        return found;
    }

    // Once a frame, on the fast path: without the hint the JIT left it a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountFrame(int prefix, int length)
    {
        BytesConsumed += prefix + length;
        FramesRead++;
    }

    /// <summary>
    /// Finds the next whole frame and slices the buffer past it. The frame's span is valid until the
    /// next call: a frame that straddles segments is copied into a scratch buffer.
    /// </summary>
    private bool TryTakeFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySpan<byte> frame, out int prefix)
    {
        frame = default;
        if (!TryReadFrameLength(buffer, out int length, out prefix))
        {
            return false;
        }

        long total = prefix + length;
        if (buffer.Length < total)
        {
            return false;
        }

        ReadOnlySpan<byte> first = buffer.FirstSpan;
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

        buffer = buffer.Slice(total);
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
