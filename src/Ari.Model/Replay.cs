using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// Rebuilds what tracing's registry knew from the ordered wire records: callsites, threads, live spans
/// (by ID, which tracing reuses after close), each thread's stack of entered spans, and so every span's
/// and event's parent. Holds only live spans and their ancestors, so memory follows the program's
/// concurrency, not the recording's length.
/// </summary>
public sealed class Replay
{
    private readonly List<Callsite?> _callsites = [];
    private readonly List<ThreadTrack?> _threads = [];
    private readonly Dictionary<ulong, SpanNode> _live = [];

    /// <summary>By callsite index: the values the callsite's latest span owns (see <see cref="SharedValues"/>).</summary>
    private FieldValues[] _latestSpanValues = [];

    private long _idChanges;

    public StreamStart? Start { get; private set; }

    public StreamEnd? End { get; private set; }

    /// <summary>The tap's latest count of records it had to drop.</summary>
    public Dropped? Dropped { get; private set; }

    public long Entries { get; private set; }

    /// <summary>Span operations on spans the stream never created (their records were dropped or cut).</summary>
    public long UnknownSpans { get; private set; }

    public IEnumerable<ThreadTrack> Threads => _threads.OfType<ThreadTrack>();

    public IReadOnlyCollection<SpanNode> LiveSpans => _live.Values;

    /// <summary>Unix time in nanoseconds of a stream timestamp.</summary>
    public ulong UnixNanos(ulong timestamp) => (Start?.AnchorUnixNanos ?? 0) + timestamp;

    public DateTime WallClock(ulong timestamp) =>
        DateTime.UnixEpoch.AddTicks((long)(UnixNanos(timestamp) / 100));

    /// <summary>
    /// Reads <paramref name="source"/> to its end, replaying every record in sequence order and handing
    /// each entry to <paramref name="sink"/>, and says how the input ended. Damage ends reading after the
    /// records before it; it is reported, not thrown. With <paramref name="until"/>, reading stops before
    /// the first callback record stamped after it, so the replay stands as a recording cut there would
    /// leave it (the console's time cursor).
    /// </summary>
    public RecordingEnd Play(RecordSource source, IEntrySink sink, ulong until = ulong.MaxValue)
    {
        RecordingDamage? damage = null;
        try
        {
            // The records are taken by reference where the reader left them: each is a large struct.
            foreach (ref readonly var item in source.ReadItems())
            {
                if (item.IsCallback && item.Timestamp > until)
                {
                    break;
                }
                Apply(item, sink);
            }
        }
        catch (WireFormatException e)
        {
            damage = Damage(e);
        }

        return EndOf(source, damage);
    }

    /// <summary>Applies one record in sequence order, handing a callback's entry to <paramref name="sink"/>.</summary>
    internal void Apply(in WireItem item, IEntrySink sink)
    {
        if (TryApply(item, out var entry))
        {
            sink.Observe(entry, this);
        }
    }

    internal static RecordingDamage Damage(WireFormatException e) => new(e.Message, e.Offset, e.RecordNumber);

    internal RecordingEnd EndOf(RecordSource source, RecordingDamage? damage) => new(
        Entries, Entries + _idChanges, Dropped, source.LateCount, source.Truncation, damage,
        Started: Start is not null, source.StreamEndSeen, source.BytesConsumed);

    /// <summary>Applies one record in sequence order; callback records come back as entries.</summary>
    private bool TryApply(in WireItem item, out TraceEntry entry)
    {
        // Callbacks first: nine records in ten are, and they need none of the stream records' type tests.
        if (item.IsCallback && item.Kind != RecordKind.IdChange)
        {
            entry = Apply(item);
            Entries++;
            return true;
        }

        entry = default;
        switch (item.Stream)
        {
            case StreamStart start:
                Start = start;
                return false;
            case Callsite callsite:
                Put(_callsites, callsite.Index, callsite);
                return false;
            case ThreadInfo info:
                Thread(info.Index).Info = info;
                return false;
            case Dropped dropped:
                Dropped = dropped;
                return false;
            case StreamEnd end:
                End = end;
                return false;
            case null:
                // An IdChange, the one callback without an entry. Only subscribers that re-key spans
                // emit it; the span lives on under its new ID.
                _idChanges++;
                if (_live.Remove(item.SpanId, out var span))
                {
                    _live[item.OtherId] = span;
                }
                return false;
            default:
                return false;
        }
    }

    // One small method a kind, not one large switch: the JIT compiled the large switch worse (see
    // bench/limits.md).
    private TraceEntry Apply(in WireItem item) => item.Kind switch
    {
        RecordKind.Enter => Enter(item),
        RecordKind.Exit => Exit(item),
        RecordKind.Event => Event(item),
        RecordKind.NewSpan => NewSpan(item),
        RecordKind.Close => Close(item),
        RecordKind.Record => Record(item),
        RecordKind.FollowsFrom => FollowsFrom(item),
        _ => throw new InvalidOperationException($"no replay for {item.Kind}"),
    };

    private TraceEntry NewSpan(in WireItem item)
    {
        var thread = Thread(item.ThreadIndex);
        var callsite = CallsiteAt(item.CallsiteIndex);
        var parent = Resolve(item.Parent, thread);
        var span = new SpanNode(item.SpanId, item.Sequence, item.Timestamp, callsite, parent, SharedValues(item.CallsiteIndex, item.Values));
        _live[item.SpanId] = span;
        return new TraceEntry(TraceOp.New, item.Sequence, item.Timestamp, thread, callsite, span, parent, item.Values);
    }

    /// <summary>
    /// The values for a new span of a known callsite, to own: the callsite's latest span's when their
    /// bytes are the same. Spans of one callsite often carry equal values (a resource's type and
    /// location, an async operation's source), and a span that shares them costs the collector one
    /// object, not two.
    /// </summary>
    private FieldValues SharedValues(int callsiteIndex, FieldValues values)
    {
        if ((uint)callsiteIndex >= (uint)_callsites.Count)
        {
            return values;
        }
        if (callsiteIndex >= _latestSpanValues.Length)
        {
            Array.Resize(ref _latestSpanValues, _callsites.Count);
        }
        ref var latest = ref _latestSpanValues[callsiteIndex];
        latest = values.OwnOrShare(latest);
        return latest;
    }

    private TraceEntry Event(in WireItem item)
    {
        var thread = Thread(item.ThreadIndex);
        var callsite = CallsiteAt(item.CallsiteIndex);
        return new TraceEntry(TraceOp.Event, item.Sequence, item.Timestamp, thread, callsite, null, Resolve(item.Parent, thread), item.Values);
    }

    private TraceEntry Enter(in WireItem item)
    {
        var thread = Thread(item.ThreadIndex);
        var span = Span(item.SpanId, item);
        thread.Enter(span);
        return SpanEntry(TraceOp.Enter, item, thread, span);
    }

    private TraceEntry Exit(in WireItem item)
    {
        var thread = Thread(item.ThreadIndex);
        var span = Span(item.SpanId, item);
        thread.Exit(span);
        return SpanEntry(TraceOp.Exit, item, thread, span);
    }

    private TraceEntry Close(in WireItem item)
    {
        // One lookup that also takes the span out of the live set.
        if (!_live.Remove(item.SpanId, out var span))
        {
            span = Placeholder(item.SpanId, item);
        }
        span.IsClosed = true;
        return SpanEntry(TraceOp.Close, item, Thread(item.ThreadIndex), span);
    }

    private TraceEntry Record(in WireItem item)
    {
        var span = Span(item.SpanId, item);
        span.Record(item.Values);
        return new TraceEntry(TraceOp.Record, item.Sequence, item.Timestamp, Thread(item.ThreadIndex), span.Callsite, span, span.Parent, item.Values);
    }

    private TraceEntry FollowsFrom(in WireItem item)
    {
        var span = Span(item.SpanId, item);
        var other = Span(item.OtherId, item);
        return new TraceEntry(TraceOp.Follows, item.Sequence, item.Timestamp, Thread(item.ThreadIndex), span.Callsite, span, span.Parent, FieldValues.Empty, other);
    }

    private static TraceEntry SpanEntry(TraceOp op, in WireItem item, ThreadTrack thread, SpanNode span) =>
        new(op, item.Sequence, item.Timestamp, thread, span.Callsite, span, span.Parent, FieldValues.Empty);

    /// <summary>As tracing's registry does: explicit, none, or the thread's current span.</summary>
    private SpanNode? Resolve(SpanParent parent, ThreadTrack thread) => parent.Kind switch
    {
        ParentKind.Root => null,
        ParentKind.Explicit => _live.GetValueOrDefault(parent.Id),
        _ => thread.Current,
    };

    private SpanNode Span(ulong id, in WireItem item)
    {
        if (_live.TryGetValue(id, out var span))
        {
            return span;
        }
        span = Placeholder(id, item);
        _live[id] = span;
        return span;
    }

    /// <summary>A span the stream refers to but never created: ari keeps going with what it knows.</summary>
    private SpanNode Placeholder(ulong id, in WireItem item)
    {
        UnknownSpans++;
        return new SpanNode(id, item.Sequence, item.Timestamp, UnknownSpanCallsite, null, FieldValues.Empty, isPlaceholder: true);
    }

    private Callsite CallsiteAt(int index) =>
        index < _callsites.Count && _callsites[index] is { } callsite
            ? callsite
            : new Callsite(-1, index, CallsiteKind.Event, Level.Trace, $"unknown callsite {index}", "?", "", "", null, []);

    private ThreadTrack Thread(int index)
    {
        if (index < _threads.Count && _threads[index] is { } thread)
        {
            return thread;
        }
        thread = new ThreadTrack(new ThreadInfo(-1, index, 0, ""));
        Put(_threads, index, thread);
        return thread;
    }

    private static void Put<T>(List<T?> list, int index, T item)
        where T : class
    {
        while (list.Count <= index)
        {
            list.Add(null);
        }
        list[index] = item;
    }

    private static readonly Callsite UnknownSpanCallsite =
        new(-1, -1, CallsiteKind.Span, Level.Trace, "unknown", "?", "", "", null, []);
}
