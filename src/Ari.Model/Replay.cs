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

    /// <summary>Applies one record in sequence order; callback records come back as entries.</summary>
    public bool TryApply(WireRecord record, out TraceEntry entry)
    {
        entry = default;
        switch (record)
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
            case IdChange change:
                // Only subscribers that re-key spans emit this; the span lives on under its new ID.
                if (_live.Remove(change.OldId, out var span))
                {
                    _live[change.NewId] = span;
                }
                return false;
            case CallbackRecord callback:
                entry = Apply(callback);
                Entries++;
                return true;
            default:
                return false;
        }
    }

    private TraceEntry Apply(CallbackRecord record)
    {
        var thread = Thread(record.ThreadIndex);
        switch (record)
        {
            case NewSpan created:
            {
                var callsite = CallsiteAt(created.CallsiteIndex);
                var parent = Resolve(created.Parent, thread);
                var span = new SpanNode(created.SpanId, created.Sequence, created.Timestamp, callsite, parent, created.Values);
                _live[created.SpanId] = span;
                return new TraceEntry(TraceOp.New, record, thread, callsite, span, parent, created.Values);
            }
            case Event evt:
            {
                var callsite = CallsiteAt(evt.CallsiteIndex);
                return new TraceEntry(TraceOp.Event, record, thread, callsite, null, Resolve(evt.Parent, thread), evt.Values);
            }
            case Enter enter:
            {
                var span = Span(enter.SpanId, record);
                thread.Enter(span);
                return SpanEntry(TraceOp.Enter, record, thread, span);
            }
            case Exit exit:
            {
                var span = Span(exit.SpanId, record);
                thread.Exit(span);
                return SpanEntry(TraceOp.Exit, record, thread, span);
            }
            case Close close:
            {
                var span = Span(close.SpanId, record);
                span.IsClosed = true;
                _live.Remove(close.SpanId);
                return SpanEntry(TraceOp.Close, record, thread, span);
            }
            case Record recorded:
            {
                var span = Span(recorded.SpanId, record);
                span.Record(recorded.Values);
                return new TraceEntry(TraceOp.Record, record, thread, span.Callsite, span, span.Parent, recorded.Values);
            }
            case FollowsFrom follows:
            {
                var span = Span(follows.SpanId, record);
                var other = Span(follows.FollowsId, record);
                return new TraceEntry(TraceOp.Follows, record, thread, span.Callsite, span, span.Parent, FieldValues.Empty, other);
            }
            default:
                throw new InvalidOperationException($"no replay for {record.Kind}");
        }
    }

    private static TraceEntry SpanEntry(TraceOp op, CallbackRecord record, ThreadTrack thread, SpanNode span) =>
        new(op, record, thread, span.Callsite, span, span.Parent, FieldValues.Empty);

    /// <summary>As tracing's registry does: explicit, none, or the thread's current span.</summary>
    private SpanNode? Resolve(SpanParent parent, ThreadTrack thread) => parent.Kind switch
    {
        ParentKind.Root => null,
        ParentKind.Explicit => _live.GetValueOrDefault(parent.Id),
        _ => thread.Current,
    };

    private SpanNode Span(ulong id, CallbackRecord record)
    {
        if (_live.TryGetValue(id, out var span))
        {
            return span;
        }
        UnknownSpans++;
        span = new SpanNode(id, record.Sequence, record.Timestamp, UnknownSpanCallsite, null, FieldValues.Empty, isPlaceholder: true);
        _live[id] = span;
        return span;
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
