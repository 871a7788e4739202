namespace Ari.Wire;

/// <summary>
/// The tap's clock read just before it took the <see cref="Watermark"/> of the same <see cref="Sequence"/>,
/// which follows: every callback record numbered <see cref="Sequence"/> or above is stamped at
/// <see cref="Timestamp"/> or later. A reader that knows it releases the records below the watermark with
/// their timestamps in order (<see cref="SequenceMerger"/>).
/// </summary>
public sealed record WatermarkClock(long Offset, ulong Sequence, ulong Timestamp) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.WatermarkClock;
}
