namespace Ari.Wire;

/// <summary><c>Layer::on_record</c>: values recorded on an existing span later, with <c>Span::record</c>.</summary>
public sealed record Record(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong SpanId, FieldValues Values)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.Record;
}
