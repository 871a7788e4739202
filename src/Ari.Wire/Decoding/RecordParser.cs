namespace Ari.Wire;

/// <summary>
/// Turns one whole frame into a record. It keeps the batch context between frames, so it lives as long
/// as the <see cref="WireDecoder"/> that feeds it. A callback's values are checked here and decoded later,
/// by a <see cref="ValueDecoder"/>, when the record is handed on.
/// </summary>
internal sealed class RecordParser
{
    private BatchState _batch;

    public bool StreamEndSeen { get; private set; }

    /// <summary>
    /// Returns false for frames that carry no record of their own: Batch records and unknown kinds.
    /// Otherwise either <paramref name="stream"/> is the stream record, or <paramref name="callback"/> is
    /// the callback record, its values checked but left encoded in <paramref name="values"/>.
    /// </summary>
    public bool Parse(
        ReadOnlySpan<byte> frame, long frameOffset, long kindOffset, long recordNumber,
        out HeldCallback callback, out ReadOnlySpan<byte> values, out StreamRecord? stream)
    {
        RecordKind kind = (RecordKind)frame[0];
        var body = new BodyReader(frame[1..], kindOffset + 1, frameOffset, recordNumber, kind);
        callback = default;
        values = default;
        stream = null;
        if (kind is >= RecordKind.NewSpan and <= RecordKind.IdChange)
        {
            callback = ParseCallback(ref body, kind, frameOffset);
            values = frame[^callback.ValuesLength..];
            return true;
        }

        stream = kind switch
        {
            RecordKind.StreamStart => ParseStreamStart(ref body, frameOffset),
            RecordKind.Callsite => ParseCallsite(ref body, frameOffset),
            RecordKind.Thread => ParseThread(ref body, frameOffset),
            RecordKind.Watermark => CloseBatch(new Watermark(frameOffset, body.ReadVarint())),
            RecordKind.Dropped => CloseBatch(new Dropped(frameOffset, body.ReadVarint(), body.ReadVarint())),
            RecordKind.StreamEnd => ParseStreamEnd(ref body, frameOffset),
            RecordKind.WatermarkClock => CloseBatch(new WatermarkClock(frameOffset, body.ReadVarint(), body.ReadVarint())),
            RecordKind.Batch => OpenBatch(ref body),
            _ => null,
        };
        if (stream is not null || kind == RecordKind.Batch)
        {
            body.ExpectEnd();
        }

        return stream is not null;
    }

    /// <summary>
    /// Callback frames in the open batch, read without the bookkeeping that places an error: span
    /// operations (enter, exit, close: seven frames in ten) and the records with values (new spans,
    /// events, records: most of the rest). Returns false, having changed nothing, for any other frame or
    /// anything unusual about this one; <see cref="Parse"/> then reads it the careful way and says what is
    /// wrong. <paramref name="values"/> are checked and counted, as <see cref="ParseCallback"/> leaves them.
    /// </summary>
    public bool TryParseCallback(ReadOnlySpan<byte> frame, long frameOffset, out HeldCallback callback, out ReadOnlySpan<byte> values)
    {
        callback = default;
        values = default;
        var kind = (RecordKind)frame[0];
        bool spanOperation = kind is >= RecordKind.Enter and <= RecordKind.Close;
        if (!(spanOperation || kind is RecordKind.NewSpan or RecordKind.Event or RecordKind.Record) || !_batch.IsOpen || _batch.AwaitsFirst)
        {
            return false;
        }

        int position = 1;
        ulong spanId = 0;
        ulong callsiteIndex = 0;
        ulong parentId = 0;
        var parentKind = ParentKind.Contextual;
        int fieldCount = 0;
        if (!TryReadVarint(frame, ref position, out ulong sequenceDelta)
            || !TryReadVarint(frame, ref position, out ulong timestampDelta)
            || sequenceDelta == 0
            || _batch.Sequence > ulong.MaxValue - sequenceDelta
            || _batch.Timestamp > ulong.MaxValue - timestampDelta
            || (kind != RecordKind.Event && (!TryReadVarint(frame, ref position, out spanId) || spanId == 0))
            || ((kind is RecordKind.NewSpan or RecordKind.Event) && !TryReadCallsiteAndParent(frame, ref position, out callsiteIndex, out parentKind, out parentId))
            || (spanOperation ? position != frame.Length : !ValueDecoder.TryCount(frame[position..], out fieldCount)))
        {
            return false;
        }

        _batch.Sequence += sequenceDelta;
        _batch.Timestamp += timestampDelta;
        values = frame[position..];
        callback = new HeldCallback(
            kind, parentKind, _batch.ThreadIndex, (int)callsiteIndex, frameOffset, _batch.Sequence, _batch.Timestamp, spanId, parentId, values.Length, fieldCount);
        return true;
    }

    private static bool TryReadCallsiteAndParent(ReadOnlySpan<byte> frame, ref int position, out ulong callsiteIndex, out ParentKind parentKind, out ulong parentId)
    {
        parentKind = ParentKind.Contextual;
        parentId = 0;
        if (!TryReadVarint(frame, ref position, out callsiteIndex) || callsiteIndex > WireFormat.MaxIndex || position == frame.Length)
        {
            return false;
        }

        parentKind = (ParentKind)frame[position++];
        return parentKind is ParentKind.Contextual or ParentKind.Root
            || (parentKind == ParentKind.Explicit && TryReadVarint(frame, ref position, out parentId) && parentId != 0);
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> frame, ref int position, out ulong value)
    {
        bool read = Varint.TryRead(frame[position..], out value, out int length) == VarintStatus.Done;
        position += length;
        return read;
    }

    private StreamStart ParseStreamStart(ref BodyReader body, long offset) =>
        CloseBatch(new StreamStart(offset, body.ReadVarint(), body.ReadVarint(), body.ReadString(), body.ReadString()));

    private ThreadInfo ParseThread(ref BodyReader body, long offset) =>
        CloseBatch(new ThreadInfo(offset, body.ReadIndex("thread index"), body.ReadVarint(), body.ReadString()));

    private StreamEnd ParseStreamEnd(ref BodyReader body, long offset)
    {
        StreamEndSeen = true;
        return CloseBatch(new StreamEnd(offset, body.ReadVarint(), body.ReadVarint()));
    }

    private Callsite ParseCallsite(ref BodyReader body, long offset)
    {
        int index = body.ReadIndex("callsite index");
        long kindAt = body.Offset;
        byte kind = body.ReadByte();
        if (kind > (byte)CallsiteKind.Event)
        {
            body.Fail(kindAt, $"callsite kind {kind} is neither 0 (span) nor 1 (event)");
        }

        long levelAt = body.Offset;
        byte level = body.ReadByte();
        if (level > (byte)Level.Error)
        {
            body.Fail(levelAt, $"level {level} is not 0 (TRACE) to 4 (ERROR)");
        }

        string name = body.ReadString();
        string target = body.ReadString();
        string module = body.ReadString();
        string file = body.ReadString();
        long lineAt = body.Offset;
        ulong linePlusOne = body.ReadVarint();
        if (linePlusOne > (ulong)uint.MaxValue + 1)
        {
            body.Fail(lineAt, $"line {linePlusOne - 1} does not fit in 32 bits");
        }

        int count = body.ReadCount("field count");
        var names = new string[count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = body.ReadString();
        }

        uint? line = linePlusOne == 0 ? null : (uint)(linePlusOne - 1);
        return CloseBatch(new Callsite(offset, index, (CallsiteKind)kind, (Level)level, name, target, module, file, line, names));
    }

    private StreamRecord? OpenBatch(ref BodyReader body)
    {
        _batch.Open(body.ReadIndex("thread index"), body.ReadVarint(), body.ReadVarint());
        return null;
    }

    private T CloseBatch<T>(T record)
        where T : StreamRecord
    {
        _batch.Close();
        return record;
    }

    /// <summary>The record, its values (which run to the end of the body) checked and measured but not decoded.</summary>
    private HeldCallback ParseCallback(ref BodyReader body, RecordKind kind, long offset)
    {
        if (!_batch.IsOpen)
        {
            body.Fail(offset, "callback record outside a batch (no Batch record since the last stream record)");
        }

        ulong sequence = NextSequence(ref body);
        ulong timestamp = NextTimestamp(ref body);
        int thread = _batch.ThreadIndex;
        ulong spanId = kind == RecordKind.Event ? 0 : body.ReadSpanId();
        ulong otherId = 0;
        int callsiteIndex = 0;
        ParentKind parentKind = ParentKind.Contextual;
        switch (kind)
        {
            case RecordKind.NewSpan or RecordKind.Event:
                callsiteIndex = body.ReadIndex("callsite index");
                (parentKind, otherId) = ReadParent(ref body);
                break;
            case RecordKind.FollowsFrom or RecordKind.IdChange:
                otherId = body.ReadSpanId();
                break;
        }

        int valuesLength = 0;
        int fieldCount = 0;
        if (kind is RecordKind.NewSpan or RecordKind.Event or RecordKind.Record)
        {
            valuesLength = body.Remaining;
            fieldCount = ValueDecoder.Check(ref body);
        }

        body.ExpectEnd();
        return new HeldCallback(kind, parentKind, thread, callsiteIndex, offset, sequence, timestamp, spanId, otherId, valuesLength, fieldCount);
    }

    private ulong NextSequence(ref BodyReader body)
    {
        long at = body.Offset;
        ulong delta = body.ReadVarint();
        if (_batch.AwaitsFirst)
        {
            if (delta != 0)
            {
                body.Fail(at, $"the first record of a batch has sequence delta {delta}, not 0");
            }

            _batch.AwaitsFirst = false;
            return _batch.Sequence;
        }

        if (delta == 0)
        {
            body.Fail(at, "sequence delta 0: sequence numbers must increase within a batch");
        }

        if (_batch.Sequence > ulong.MaxValue - delta)
        {
            body.Fail(at, $"sequence number {_batch.Sequence} + {delta} overflows 64 bits");
        }

        return _batch.Sequence += delta;
    }

    private ulong NextTimestamp(ref BodyReader body)
    {
        long at = body.Offset;
        ulong delta = body.ReadVarint();
        if (_batch.Timestamp > ulong.MaxValue - delta)
        {
            body.Fail(at, $"timestamp {_batch.Timestamp} + {delta} overflows 64 bits");
        }

        return _batch.Timestamp += delta;
    }

    private static (ParentKind Kind, ulong Id) ReadParent(ref BodyReader body)
    {
        long at = body.Offset;
        byte tag = body.ReadByte();
        switch ((ParentKind)tag)
        {
            case ParentKind.Contextual or ParentKind.Root:
                return ((ParentKind)tag, 0);
            case ParentKind.Explicit:
                return (ParentKind.Explicit, body.ReadSpanId());
            default:
                body.Fail(at, $"parent tag {tag} is not 0 (contextual), 1 (root) or 2 (explicit)");
                return default;
        }
    }
}
