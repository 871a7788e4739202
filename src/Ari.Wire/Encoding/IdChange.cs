namespace Ari.Wire;

/// <summary><c>Layer::on_id_change</c>: span <see cref="OldId"/> is now known as <see cref="NewId"/>.</summary>
public sealed record IdChange(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex, ulong OldId, ulong NewId)
    : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.IdChange;
}
