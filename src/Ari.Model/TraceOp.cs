namespace Ari.Model;

/// <summary>What a <see cref="TraceEntry"/> records: a span's lifecycle step, a later record on it, or an event.</summary>
public enum TraceOp : byte
{
    New,
    Enter,
    Exit,
    Close,
    Record,
    Follows,
    Event,
}
