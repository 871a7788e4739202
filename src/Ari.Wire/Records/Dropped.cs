namespace Ari.Wire;

/// <summary>Running totals of what the tap dropped because its writer queue was full.</summary>
public sealed record Dropped(long Offset, ulong Records, ulong Batches) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.Dropped;
}
