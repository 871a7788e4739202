using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Ari.Wire;

/// <summary>
/// Writes ari wire data: the header, every record kind, and batches with delta-encoded sequence numbers
/// and timestamps. Callback records go into the batch opened by <see cref="BeginBatch"/> and must follow
/// the spec's rules (same thread, strictly increasing sequence, non-decreasing time); a stream record
/// closes the batch, as it does for a reader. Record offsets are ignored: they are where a reader found a
/// record, not something written.
/// </summary>
public sealed class WireWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly ArrayBufferWriter<byte> _body = new(256);
    private BatchState _batch;

    public WireWriter(IBufferWriter<byte> output) => _output = output;

    public void WriteHeader(byte version = WireFormat.Version, byte flags = 0)
    {
        Span<byte> header = _output.GetSpan(WireFormat.HeaderLength);
        WireFormat.Magic.CopyTo(header);
        header[6] = version;
        header[7] = flags;
        _output.Advance(WireFormat.HeaderLength);
    }

    public void BeginBatch(int threadIndex, ulong sequence, ulong timestamp)
    {
        VarintBody((ulong)threadIndex);
        VarintBody(sequence);
        VarintBody(timestamp);
        EndFrame(RecordKind.Batch);
        _batch.Open(threadIndex, sequence, timestamp);
    }

    /// <summary>Opens a batch at the first record's thread, sequence number and timestamp, and writes all of them into it.</summary>
    public void WriteBatch(params ReadOnlySpan<CallbackRecord> records)
    {
        if (records.IsEmpty)
        {
            return;
        }

        BeginBatch(records[0].ThreadIndex, records[0].Sequence, records[0].Timestamp);
        foreach (CallbackRecord record in records)
        {
            Write(record);
        }
    }

    public void Write(WireRecord record)
    {
        if (record is CallbackRecord callback)
        {
            WriteDeltas(callback);
        }
        else
        {
            _batch.Close();
        }

        WriteBody(record);
        EndFrame(record.Kind);
    }

    /// <summary>Writes a frame as given, for kinds this writer does not know (a reader must skip them) and for tests.</summary>
    public void WriteFrame(byte kind, ReadOnlySpan<byte> body)
    {
        _body.Write(body);
        EndFrame((RecordKind)kind);
    }

    private void WriteBody(WireRecord record)
    {
        switch (record)
        {
            case StreamStart r: VarintBody(r.AnchorUnixNanos); VarintBody(r.ProcessId); StringBody(r.Program); StringBody(r.TapVersion); break;
            case Callsite r: CallsiteBody(r); break;
            case ThreadInfo r: VarintBody((ulong)r.Index); VarintBody(r.OsThreadId); StringBody(r.Name); break;
            case Watermark r: VarintBody(r.Sequence); break;
            case Dropped r: VarintBody(r.Records); VarintBody(r.Batches); break;
            case StreamEnd r: VarintBody(r.RecordsWritten); VarintBody(r.RecordsDropped); break;
            case WatermarkClock r: VarintBody(r.Sequence); VarintBody(r.Timestamp); break;
            case NewSpan r: VarintBody(r.SpanId); VarintBody((ulong)r.CallsiteIndex); ParentBody(r.Parent); ValuesBody(r.Values); break;
            case Record r: VarintBody(r.SpanId); ValuesBody(r.Values); break;
            case FollowsFrom r: VarintBody(r.SpanId); VarintBody(r.FollowsId); break;
            case Event r: VarintBody((ulong)r.CallsiteIndex); ParentBody(r.Parent); ValuesBody(r.Values); break;
            case Enter r: VarintBody(r.SpanId); break;
            case Exit r: VarintBody(r.SpanId); break;
            case Close r: VarintBody(r.SpanId); break;
            case IdChange r: VarintBody(r.OldId); VarintBody(r.NewId); break;
            default: throw new ArgumentException($"cannot write a {record.GetType().Name}", nameof(record));
        }
    }

    private void WriteDeltas(CallbackRecord record)
    {
        if (!_batch.IsOpen || record.ThreadIndex != _batch.ThreadIndex)
        {
            throw new InvalidOperationException($"{record.Kind} of thread {record.ThreadIndex} needs a batch of that thread open first");
        }

        bool first = _batch.AwaitsFirst;
        if (first ? record.Sequence != _batch.Sequence : record.Sequence <= _batch.Sequence)
        {
            throw new InvalidOperationException($"sequence number {record.Sequence} does not follow {_batch.Sequence} in this batch");
        }

        if (record.Timestamp < _batch.Timestamp)
        {
            throw new InvalidOperationException($"timestamp {record.Timestamp} is before {_batch.Timestamp} in this batch");
        }

        VarintBody(record.Sequence - _batch.Sequence);
        VarintBody(record.Timestamp - _batch.Timestamp);
        _batch.AwaitsFirst = false;
        _batch.Sequence = record.Sequence;
        _batch.Timestamp = record.Timestamp;
    }

    private void CallsiteBody(Callsite callsite)
    {
        VarintBody((ulong)callsite.Index);
        ByteBody((byte)callsite.CallsiteKind);
        ByteBody((byte)callsite.Level);
        StringBody(callsite.Name);
        StringBody(callsite.Target);
        StringBody(callsite.ModulePath);
        StringBody(callsite.File);
        VarintBody(callsite.Line is { } line ? (ulong)line + 1 : 0);
        VarintBody((ulong)callsite.FieldNames.Count);
        foreach (string name in callsite.FieldNames)
        {
            StringBody(name);
        }
    }

    private void ParentBody(SpanParent parent)
    {
        ByteBody((byte)parent.Kind);
        if (parent.Kind == ParentKind.Explicit)
        {
            VarintBody(parent.Id);
        }
    }

    private void ValuesBody(FieldValues values)
    {
        if (values.IsEncoded)
        {
            // A reader's values, already in this form: copied as they are, not decoded to be encoded again.
            _body.Write(values.EncodedBytes);
            return;
        }

        foreach (Field field in values)
        {
            VarintBody((ulong)field.Index);
            FieldValue value = field.Value;
            switch (value.Type)
            {
                case FieldValueType.I64: TagBody(ValueTag.I64); VarintBody(Varint.ZigZag(value.I64)); break;
                case FieldValueType.U64: TagBody(ValueTag.U64); VarintBody(value.U64); break;
                case FieldValueType.I128: TagBody(ValueTag.I128); BinaryPrimitives.WriteInt128LittleEndian(FixedBody(16), value.I128); break;
                case FieldValueType.U128: TagBody(ValueTag.U128); BinaryPrimitives.WriteUInt128LittleEndian(FixedBody(16), value.U128); break;
                case FieldValueType.F64: TagBody(ValueTag.F64); BinaryPrimitives.WriteDoubleLittleEndian(FixedBody(8), value.F64); break;
                case FieldValueType.Bool: TagBody(value.Bool ? ValueTag.True : ValueTag.False); break;
                case FieldValueType.Str: TagBody(ValueTag.Str); StringBody(value.Text); break;
                case FieldValueType.Debug: TagBody(ValueTag.Debug); StringBody(value.Text); break;
                case FieldValueType.Error: TagBody(ValueTag.Error); StringBody(value.Text); break;
            }
        }
    }

    private void TagBody(ValueTag tag) => ByteBody((byte)tag);

    private void ByteBody(byte value)
    {
        _body.GetSpan(1)[0] = value;
        _body.Advance(1);
    }

    private void VarintBody(ulong value) =>
        _body.Advance(Varint.Write(_body.GetSpan(WireFormat.MaxVarintLength), value));

    private void StringBody(string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        VarintBody((ulong)length);
        _body.Advance(Encoding.UTF8.GetBytes(text, _body.GetSpan(length)));
    }

    /// <summary>Reserves <paramref name="length"/> bytes of body for the caller to fill.</summary>
    private Span<byte> FixedBody(int length)
    {
        Span<byte> span = _body.GetSpan(length)[..length];
        _body.Advance(length);
        return span;
    }

    private void EndFrame(RecordKind kind)
    {
        ReadOnlySpan<byte> body = _body.WrittenSpan;
        ulong length = (ulong)body.Length + 1;
        Span<byte> frame = _output.GetSpan(WireFormat.MaxVarintLength + 1 + body.Length);
        int written = Varint.Write(frame, length);
        frame[written++] = (byte)kind;
        body.CopyTo(frame[written..]);
        _output.Advance(written + body.Length);
        _body.ResetWrittenCount();
    }
}
