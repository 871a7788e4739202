namespace Ari.Wire;

/// <summary>The first record of a stream: the wall-clock anchor for every timestamp, and who is traced.</summary>
public sealed record StreamStart(long Offset, ulong AnchorUnixNanos, ulong ProcessId, string Program, string TapVersion)
    : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.StreamStart;
}
