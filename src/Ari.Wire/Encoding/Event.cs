namespace Ari.Wire;

/// <summary><c>Layer::on_event</c>: an event of callsite <see cref="CallsiteIndex"/>.</summary>
public sealed record Event(
    long Offset,
    ulong Sequence,
    ulong Timestamp,
    int ThreadIndex,
    int CallsiteIndex,
    SpanParent Parent,
    FieldValues Values) : CallbackRecord(Offset, Sequence, Timestamp, ThreadIndex)
{
    public override RecordKind Kind => RecordKind.Event;
}
