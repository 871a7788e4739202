namespace Ari.Wire;

/// <summary>The kind byte of a frame (docs/wire-format.md, "Record kinds").</summary>
public enum RecordKind : byte
{
    StreamStart = 0x01,
    Callsite = 0x02,
    Thread = 0x03,
    Watermark = 0x04,
    Dropped = 0x05,
    StreamEnd = 0x06,
    WatermarkClock = 0x07,
    Batch = 0x10,
    NewSpan = 0x20,
    Record = 0x21,
    FollowsFrom = 0x22,
    Event = 0x23,
    Enter = 0x24,
    Exit = 0x25,
    Close = 0x26,
    IdChange = 0x27,
}
