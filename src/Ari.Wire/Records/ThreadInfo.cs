namespace Ari.Wire;

/// <summary>A thread of the traced program; <see cref="Name"/> is empty when the thread is unnamed.</summary>
public sealed record ThreadInfo(long Offset, int Index, ulong OsThreadId, string Name) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.Thread;
}
