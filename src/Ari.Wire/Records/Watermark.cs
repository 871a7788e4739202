namespace Ari.Wire;

/// <summary>Every callback record with a sequence number below <see cref="Sequence"/> has already been written or dropped.</summary>
public sealed record Watermark(long Offset, ulong Sequence) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.Watermark;
}
