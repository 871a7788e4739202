namespace Ari.Wire;

/// <summary><c>Layer::on_new_span</c>: span <see cref="SpanId"/> of callsite <see cref="CallsiteIndex"/> was created.</summary>
public sealed record NewSpan(
    long Offset,
    ulong Sequence,
    ulong Timestamp,
    int ThreadIndex,
    ulong SpanId,
    int CallsiteIndex,
    SpanParent Parent,
    FieldValues Values) : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.NewSpan;
}
