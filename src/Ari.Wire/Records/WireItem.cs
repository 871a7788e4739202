namespace Ari.Wire;

/// <summary>
/// One decoded frame as the reader's fast path hands it on: a callback record's fields held inline, so
/// the nine in ten records that are callbacks cost no object of their own, or a <see cref="StreamRecord"/>.
/// The record classes (<see cref="NewSpan"/>, <see cref="Enter"/>, …) carry the same data as objects for
/// code that prefers them; <see cref="From"/> and <see cref="ToRecord"/> convert between the two.
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

    public static WireItem ForStream(StreamRecord record) =>
        new(record.Kind, record.Offset, record, 0, 0, 0, 0, 0, 0, default, FieldValues.Empty);

    public static WireItem NewSpan(long offset, ulong sequence, ulong timestamp, int thread, ulong spanId, int callsiteIndex, SpanParent parent, FieldValues values) =>
        new(RecordKind.NewSpan, offset, null, sequence, timestamp, thread, spanId, 0, callsiteIndex, parent, values);

    public static WireItem Event(long offset, ulong sequence, ulong timestamp, int thread, int callsiteIndex, SpanParent parent, FieldValues values) =>
        new(RecordKind.Event, offset, null, sequence, timestamp, thread, 0, 0, callsiteIndex, parent, values);

    public static WireItem Record(long offset, ulong sequence, ulong timestamp, int thread, ulong spanId, FieldValues values) =>
        new(RecordKind.Record, offset, null, sequence, timestamp, thread, spanId, 0, 0, default, values);

    /// <summary>Enter, Exit and Close: a span and nothing else.</summary>
    public static WireItem SpanOp(RecordKind kind, long offset, ulong sequence, ulong timestamp, int thread, ulong spanId) =>
        new(kind, offset, null, sequence, timestamp, thread, spanId, 0, 0, default, FieldValues.Empty);

    /// <summary>FollowsFrom and IdChange: two spans.</summary>
    public static WireItem SpanPair(RecordKind kind, long offset, ulong sequence, ulong timestamp, int thread, ulong spanId, ulong otherId) =>
        new(kind, offset, null, sequence, timestamp, thread, spanId, otherId, 0, default, FieldValues.Empty);

    public static WireItem From(WireRecord record) => record switch
    {
        StreamRecord stream => ForStream(stream),
        NewSpan r => NewSpan(r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId, r.CallsiteIndex, r.Parent, r.Values),
        Event r => Event(r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.CallsiteIndex, r.Parent, r.Values),
        Record r => Record(r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId, r.Values),
        Enter r => SpanOp(RecordKind.Enter, r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId),
        Exit r => SpanOp(RecordKind.Exit, r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId),
        Close r => SpanOp(RecordKind.Close, r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId),
        FollowsFrom r => SpanPair(RecordKind.FollowsFrom, r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.SpanId, r.FollowsId),
        IdChange r => SpanPair(RecordKind.IdChange, r.Offset, r.Sequence, r.Timestamp, r.ThreadIndex, r.OldId, r.NewId),
        _ => throw new ArgumentException($"no item for {record.GetType().Name}", nameof(record)),
    };

    public WireRecord ToRecord() => Kind switch
    {
        _ when Stream is not null => Stream,
        RecordKind.NewSpan => new NewSpan(Offset, Sequence, Timestamp, ThreadIndex, SpanId, CallsiteIndex, Parent, Values),
        RecordKind.Event => new Event(Offset, Sequence, Timestamp, ThreadIndex, CallsiteIndex, Parent, Values),
        RecordKind.Record => new Record(Offset, Sequence, Timestamp, ThreadIndex, SpanId, Values),
        RecordKind.Enter => new Enter(Offset, Sequence, Timestamp, ThreadIndex, SpanId),
        RecordKind.Exit => new Exit(Offset, Sequence, Timestamp, ThreadIndex, SpanId),
        RecordKind.Close => new Close(Offset, Sequence, Timestamp, ThreadIndex, SpanId),
        RecordKind.FollowsFrom => new FollowsFrom(Offset, Sequence, Timestamp, ThreadIndex, SpanId, OtherId),
        _ => new IdChange(Offset, Sequence, Timestamp, ThreadIndex, SpanId, OtherId),
    };

    public override string ToString() => ToRecord().ToString();
}
