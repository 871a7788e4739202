namespace Ari.Wire;

/// <summary>
/// One call from tracing into the layer, as a <see cref="WireWriter"/> is given it (a reader hands the
/// same data on as a <see cref="WireItem"/>, without an object a record). <see cref="Sequence"/> and <see cref="Timestamp"/> are absolute
/// (the wire's batch deltas already applied); <see cref="Timestamp"/> is nanoseconds since the
/// <see cref="StreamStart.AnchorUnixNanos"/> anchor; <see cref="ThreadIndex"/> names a <see cref="ThreadInfo"/>.
/// </summary>
public abstract record CallbackRecord(long Offset, ulong Sequence, ulong Timestamp, int ThreadIndex) : WireRecord(Offset);
