namespace Ari.Wire;

/// <summary><c>Layer::on_close</c>: span <see cref="SpanId"/> is gone, and its ID may be reused by a later <see cref="NewSpan"/>.</summary>
public sealed record Close(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong SpanId)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.Close;
}
