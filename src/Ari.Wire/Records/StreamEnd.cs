namespace Ari.Wire;

/// <summary>The traced process exited normally; a stream without this record was cut.</summary>
public sealed record StreamEnd(long Offset, ulong RecordsWritten, ulong RecordsDropped) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.StreamEnd;
}
