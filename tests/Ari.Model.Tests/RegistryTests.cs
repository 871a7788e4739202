using Ari.Testing;
using Ari.Wire;

namespace Ari.Model.Tests;

/// <summary>What the replay makes of real programs: parents, per-thread stacks, reused IDs.</summary>
public sealed class RegistryTests
{
    /// <summary>The entries of a recording; <paramref name="observe"/> sees each while its thread's stack is current.</summary>
    private static List<TraceEntry> Replay(string example, Action<TraceEntry>? observe = null) =>
        ReplayFile(Examples.Recorded(example).Recording, observe);

    private static List<TraceEntry> ReplayFile(string recording, Action<TraceEntry>? observe = null)
    {
        var entries = new List<TraceEntry>();
        Played.File(recording, (entry, _) =>
        {
            observe?.Invoke(entry);
            entries.Add(entry);
        });
        return entries;
    }

    [Fact]
    public void Spans_of_one_callsite_in_one_slab_slot_are_distinct_spans()
    {
        var reused = Replay("fields").Where(e => e.Op == TraceOp.New && e.Span!.Name == "reused").Select(e => e.Span!).ToList();

        Assert.Equal(3, reused.Count);
        Assert.Equal(3, reused.Distinct().Count());
        Assert.All(reused, span => Assert.True(span.IsClosed));
    }

    [Fact]
    public void Consecutive_spans_of_one_callsite_with_the_same_values_share_one_copy()
    {
        // Every spawn of the workers example makes a task span (its own task.id) and resources whose
        // type and location repeat from one task to the next.
        var spans = Replay("workers").Where(e => e.Op == TraceOp.New).Select(e => e.Span!).ToList();
        var pairs = spans.GroupBy(span => span.Callsite).SelectMany(group => group.Zip(group.Skip(1))).ToList();
        var equal = pairs.Where(pair => pair.First.CreatedValues.Equals(pair.Second.CreatedValues)).ToList();

        Assert.NotEmpty(equal);
        Assert.All(equal, pair => Assert.True(pair.Second.CreatedValues.IsSameAs(pair.First.CreatedValues)));
        Assert.All(pairs.Except(equal), pair => Assert.False(pair.Second.CreatedValues.IsSameAs(pair.First.CreatedValues)));
    }

    [Fact]
    public void An_id_used_again_after_close_names_a_new_span()
    {
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WireWriter(bytes);
        writer.WriteHeader(WireFormat.Version, 0);
        writer.Write(new Callsite(0, 0, CallsiteKind.Span, Level.Info, "job", "t", "m", "f.rs", 1, []));
        writer.Write(new ThreadInfo(0, 0, 7, "main"));
        writer.WriteBatch(
            new NewSpan(0, 0, 10, 0, 5, 0, SpanParent.Root, FieldValues.Empty),
            new Close(0, 1, 20, 0, 5),
            new NewSpan(0, 2, 30, 0, 5, 0, SpanParent.Root, FieldValues.Empty),
            new Enter(0, 3, 40, 0, 5));

        Replay? replay = null;
        var spans = new List<SpanNode>();
        Played.Bytes(bytes.WrittenSpan.ToArray(), (entry, played) =>
        {
            replay = played;
            spans.Add(entry.Span!);
        });

        Assert.Same(spans[0], spans[1]);
        Assert.NotSame(spans[0], spans[2]);
        Assert.Same(spans[2], spans[3]);
        Assert.True(spans[0].IsClosed);
        Assert.False(spans[2].IsClosed);
        Assert.Equal(0, replay!.UnknownSpans);
    }

    [Fact]
    public void A_duplicate_enter_is_not_the_current_span()
    {
        // Inside `inner`, `outer` is entered again: tracing's registry keeps `inner` as the current span.
        var again = Replay("fields").Single(e => IsMessage(e, "outer again"));

        Assert.Equal("inner", again.Parent!.Name);
        Assert.Equal(["outer", "inner"], again.Scope().Select(span => span.Name));
    }

    [Fact]
    public void A_task_span_is_entered_on_more_than_one_worker()
    {
        // Which worker polls a task is Tokio's choice, not the program's: on a loaded machine one run can
        // keep every task on one worker, so up to five runs are looked at for one that moves a task.
        var runs = Enumerable.Range(0, 5).Select(run => run == 0 ? Examples.Recorded("workers") : Examples.Record("workers"));

        Assert.Contains(runs, run => ATaskMovedBetweenWorkers(run.Recording));
    }

    private static bool ATaskMovedBetweenWorkers(string recording) =>
        ReplayFile(recording)
            .Where(e => e.Op == TraceOp.Enter && e.Span!.Name == "runtime.spawn")
            .GroupBy(e => e.Span)
            .Any(enters => enters.Select(e => e.Thread.Index).Distinct().Count() > 1);

    [Fact]
    public void Root_and_explicit_parents_override_the_thread_context()
    {
        string? currentAtExplicitEvent = null;
        var entries = Replay("fields", entry =>
        {
            if (IsMessage(entry, "explicit parent"))
            {
                currentAtExplicitEvent = entry.Thread.Current?.Name;
            }
        });
        var rootEvent = entries.Single(e => IsMessage(e, "root event"));
        var explicitEvent = entries.Single(e => IsMessage(e, "explicit parent"));

        Assert.Null(rootEvent.Parent);
        Assert.Equal("outer", explicitEvent.Parent!.Name);
        Assert.Equal("inner", currentAtExplicitEvent);
    }

    private static bool IsMessage(TraceEntry entry, string message) =>
        entry.IsEvent && entry.Values.Any(f => f.Value.Type == FieldValueType.Debug && f.Value.Text == message);

    [Fact]
    public void A_close_whose_span_lost_every_earlier_record_closes_a_placeholder()
    {
        // A real recording with every record of one span before its close taken out, as if the tap had
        // dropped them: the close still makes an entry, for a placeholder that is closed and not kept.
        var records = DecodedRecords.OfFile(Examples.Recorded("wakes").Recording);
        var close = records.OfType<Close>().First();
        var damaged = records.Where(record =>
            record is not CallbackRecord callback || callback.Sequence >= close.Sequence || !Names(callback, close.SpanId)).ToList();
        Assert.True(damaged.Count < records.Count, "the span had records before its close");

        Replay? replay = null;
        var entries = new List<TraceEntry>();
        Played.Bytes(DecodedRecords.Recording(damaged), (entry, played) =>
        {
            replay = played;
            entries.Add(entry);
        });

        var closed = Assert.Single(entries, entry => entry.Sequence == close.Sequence);
        Assert.Equal(TraceOp.Close, closed.Op);
        Assert.Equal(close.SpanId, closed.Span!.Id);
        Assert.True(closed.Span.IsPlaceholder);
        Assert.True(closed.Span.IsClosed);
        Assert.Equal(1, replay!.UnknownSpans);
        Assert.DoesNotContain(replay.LiveSpans, span => ReferenceEquals(span, closed.Span));
    }

    /// <summary>Whether a record is about the span with this ID (creates, enters, exits, records or closes it).</summary>
    private static bool Names(CallbackRecord record, ulong spanId) => record switch
    {
        NewSpan r => r.SpanId == spanId,
        Enter r => r.SpanId == spanId,
        Exit r => r.SpanId == spanId,
        Ari.Wire.Record r => r.SpanId == spanId,
        FollowsFrom r => r.SpanId == spanId || r.FollowsId == spanId,
        _ => false,
    };
}
