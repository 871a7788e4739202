namespace Ari.Wire;

/// <summary><c>Layer::on_enter</c>: the thread entered span <see cref="SpanId"/>.</summary>
public sealed record Enter(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong SpanId)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.Enter;
}
