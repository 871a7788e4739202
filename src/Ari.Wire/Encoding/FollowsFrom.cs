namespace Ari.Wire;

/// <summary><c>Layer::on_follows_from</c>: span <see cref="SpanId"/> follows from span <see cref="FollowsId"/>.</summary>
public sealed record FollowsFrom(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong SpanId, ulong FollowsId)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.FollowsFrom;
}
