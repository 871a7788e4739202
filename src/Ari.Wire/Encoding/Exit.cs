namespace Ari.Wire;

/// <summary><c>Layer::on_exit</c>: the thread left span <see cref="SpanId"/>.</summary>
public sealed record Exit(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong SpanId)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.Exit;
}
