namespace Ari.Wire;

/// <summary>
/// One decoded record as the reader hands it on: a callback record's fields held inline, so the nine in
/// ten records that are callbacks cost no object of their own, or a <see cref="StreamRecord"/>.
/// </summary>
/// <remarks>
/// Which fields mean something depends on <see cref="Kind"/>: <see cref="SpanId"/> is the span of every
/// span operation (the old ID of an <see cref="RecordKind.IdChange"/>); <see cref="OtherId"/> is the span
/// a <see cref="RecordKind.FollowsFrom"/> follows, or an ID change's new ID; <see cref="CallsiteIndex"/> and
/// <see cref="Parent"/> belong to new spans and events; <see cref="Values"/> to new spans, events and
/// <see cref="RecordKind.Record"/>.
/// </remarks>
public readonly struct WireItem
{
    private WireItem(
        RecordKind kind, long offset, StreamRecord? stream, ulong sequence, ulong timestamp, int threadIndex,
        ulong spanId, ulong otherId, int callsiteIndex, SpanParent parent, FieldValues values)
    {
        Kind = kind;
        Offset = offset;
        Stream = stream;
        Sequence = sequence;
        Timestamp = timestamp;
        ThreadIndex = threadIndex;
        SpanId = spanId;
        OtherId = otherId;
        CallsiteIndex = callsiteIndex;
        Parent = parent;
        Values = values;
    }

    public RecordKind Kind { get; }

    /// <inheritdoc cref="WireRecord.Offset"/>
    public long Offset { get; }

    /// <summary>The stream record, for every kind that is not a callback; null for callbacks.</summary>
    public StreamRecord? Stream { get; }

    public bool IsCallback => Stream is null;

    /// <inheritdoc cref="CallbackRecord.Sequence"/>
    public ulong Sequence { get; }

    /// <inheritdoc cref="CallbackRecord.Timestamp"/>
    public ulong Timestamp { get; }

    public int ThreadIndex { get; }

    public ulong SpanId { get; }

    public ulong OtherId { get; }

    public int CallsiteIndex { get; }

    public SpanParent Parent { get; }

    public FieldValues Values { get; }

    /// <summary>A callback from its parts as the wire has them: an explicit parent's ID in <paramref name="otherId"/>.</summary>
    internal static WireItem Callback(
        RecordKind kind, long offset, ulong sequence, ulong timestamp, int thread, ulong spanId, ulong otherId, int callsiteIndex, ParentKind parentKind, FieldValues values) =>
        kind is RecordKind.NewSpan or RecordKind.Event
            ? new(kind, offset, null, sequence, timestamp, thread, spanId, 0, callsiteIndex, new SpanParent(parentKind, otherId), values)
            : new(kind, offset, null, sequence, timestamp, thread, spanId, otherId, callsiteIndex, default, values);

    internal static WireItem ForStream(StreamRecord record) =>
        new(record.Kind, record.Offset, record, 0, 0, 0, 0, 0, 0, default, FieldValues.Empty);
}
