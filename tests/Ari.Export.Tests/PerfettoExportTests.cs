using System.Text.Json;
using Ari.Export.Perfetto;
using Ari.Model;
using Ari.Testing;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Export.Tests;

/// <summary>The Perfetto export of every example, read back and held against the analysis behind <c>ari tasks</c> and <c>ari wakes</c>.</summary>
public sealed class PerfettoExportTests
{
    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Each_task_track_has_its_polls_and_gaps_adding_up_to_its_times(string example)
    {
        var trace = Export(example);
        var analysis = Exported.Analysis(example);

        Assert.Equal(analysis.Tasks.Count, trace.TrackNames.Keys.Count(track => track.Pid == 2));
        foreach (var task in analysis.Tasks)
        {
            var track = trace.TaskTrack(task.IsRuntime ? $"{task} (runtime)" : task.ToString());
            var polls = trace.On(track, "poll").ToList();
            Assert.Equal(task.Polls.Raw, polls.Count);
            Assert.Equal(task.BusyNanos, Sum(polls));
            Assert.Equal(task.ScheduledNanos, Sum(trace.On(track, "gap").Where(gap => gap.Name == "scheduled")));
            Assert.Equal(task.IdleNanos, Sum(trace.On(track, "gap").Where(gap => gap.Name == "idle")));
        }
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Each_wake_is_an_arrow_from_the_waker_to_the_woken_tasks_next_poll(string example)
    {
        var trace = Export(example);
        var expected = Exported.Analysis(example).Wakes.Where(wake => wake.Woken is not null && wake.NextPollAt is not null)
            .Select(wake => (From: wake.Waker?.ToString() ?? wake.Thread.ToString(), To: wake.Woken!.ToString(), wake.Timestamp, Next: wake.NextPollAt!.Value))
            .OrderBy(wake => wake.Timestamp).ToList();

        var arrows = trace.Arrows().Select(arrow => (From: trace.TrackNames[arrow.From.Track].Replace(" (runtime)", ""), To: trace.TrackNames[arrow.To.Track], arrow.From.At, Next: arrow.To.At))
            .OrderBy(arrow => arrow.At).ToList();

        Assert.Equal(expected, arrows);
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Slices_nest_on_every_track_and_every_arrow_end_sits_in_a_slice(string example)
    {
        AssertSlicesNestAndArrowsBind(Export(example));
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Tasks_packed_into_few_lanes_keep_every_poll_and_arrow_on_slices_that_nest(string example)
    {
        // One task with a track of its own, one shared lane: the others' polls go on poll lanes.
        var trace = Export(example, new TaskLanes(ownTracks: 1, sharedLanes: 1));
        var analysis = Exported.Analysis(example);

        var taskTracks = trace.TrackNames.Where(track => track.Key.Pid == 2).ToList();
        var pollLanes = taskTracks.Count(track => track.Value.StartsWith("polls of tasks without a lane", StringComparison.Ordinal));
        Assert.Equal(Math.Min(analysis.Tasks.Count, 2), taskTracks.Count - pollLanes);
        Assert.InRange(pollLanes, 0, trace.TrackNames.Keys.Count(track => track.Pid == 1));
        var polls = trace.Slices.Where(slice => slice.Category == "poll").ToList();
        foreach (var task in analysis.Tasks)
        {
            var own = trace.TrackNames.GetValueOrDefault((2, 1)) == (task.IsRuntime ? $"{task} (runtime)" : task.ToString());
            var its = polls.Where(poll => own ? poll.Track == (2, 1) : poll.Args.ValueKind == JsonValueKind.Object && poll.Args.TryGetProperty("task_span", out var span) && span.GetUInt64() == task.Id).ToList();
            Assert.Equal(task.Polls.Raw, its.Count);
            Assert.All(its, poll => Assert.Equal(own ? "poll" : task.ToString(), poll.Name));
        }
        Assert.Equal(analysis.Tasks.Sum(task => (long)task.Polls.Raw), polls.Count);
        AssertSlicesNestAndArrowsBind(trace);
        Assert.Equal(Export(example).Arrows().Count, trace.Arrows().Count);
    }

    [Fact]
    public void Resource_attributes_become_counters()
    {
        var trace = Export("oneshot");
        var updates = Exported.Analysis("oneshot").StateUpdates;

        Assert.NotEmpty(trace.Counters);
        Assert.Equal(updates.Count, trace.Counters.Count);
        Assert.All(trace.Counters, counter => Assert.StartsWith("Sender|Receiver[", counter.Name));
    }

    [Fact]
    public void Each_resource_attribute_is_a_counter_of_its_own_keeping_all_its_values()
    {
        var trace = Export("oneshot");
        var expected = Exported.Analysis("oneshot").StateUpdates
            .GroupBy(update => (update.AsyncOp?.ToString() ?? update.Owner.ToString()) + " " + update.Attribute)
            .ToDictionary(series => series.Key, series => series.Select(update => update.Timestamp).ToList());

        var counters = trace.Counters.GroupBy(counter => counter.Name).ToDictionary(series => series.Key, series => series.Select(counter => counter.At).ToList());

        Assert.True(expected.Count > 1);
        Assert.Equal(expected.Keys.Order(), counters.Keys.Order());
        Assert.All(expected, series => Assert.Equal(series.Value, counters[series.Key]));
    }

    [Fact]
    public void Resources_past_the_first_add_into_one_counter_per_type_and_attribute()
    {
        var trace = Export("handoff", counters: new ResourceCounters(ownCounters: 1));
        var updates = Exported.Analysis("handoff").StateUpdates.Where(update => AttributeNumber.Of(update.After) is not null).ToList();
        var first = (object?)updates[0].AsyncOp ?? updates[0].Owner;
        var later = updates.Where(update => !ReferenceEquals((object?)update.AsyncOp ?? update.Owner, first)).ToList();

        var sums = trace.Counters.Where(counter => counter.Name.EndsWith(" (sum over those past the first 1)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(later);
        Assert.Equal(trace.Counters.Count, sums.Count + updates.Count(update => ReferenceEquals((object?)update.AsyncOp ?? update.Owner, first)));
        Assert.Equal(later.Select(update => $"{update.AsyncOp?.Source ?? update.Owner.ConcreteType} {update.Attribute}").Distinct().Order(),
            sums.Select(counter => counter.Name[..counter.Name.IndexOf(" (sum", StringComparison.Ordinal)]).Distinct().Order());
        // A resource leaves the sums as it closes: at the end they hold the latest values of those still open.
        var open = later.Where(update => update.Owner.ClosedAt is null)
            .GroupBy(update => (Name: $"{update.AsyncOp?.Source ?? update.Owner.ConcreteType} {update.Attribute} (sum over those past the first 1)", Owner: (object?)update.AsyncOp ?? update.Owner))
            .Select(series => (series.Key.Name, Value: AttributeNumber.Of(series.Last().After)!.Value));
        Assert.All(sums.GroupBy(counter => counter.Name), series => Assert.Equal(
            open.Where(value => value.Name == series.Key).Sum(value => value.Value),
            series.OrderBy(counter => counter.At).Last().Args.GetProperty("value").GetDouble()));
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Every_counter_event_has_one_value_and_no_id(string example)
    {
        var trace = Export(example);

        // The legacy viewer keeps a counter's first event's keys and shows an id after the name.
        Assert.All(trace.Counters, counter =>
        {
            Assert.False(counter.HasId, counter.Name);
            Assert.Equal(["value"], counter.Args.EnumerateObject().Select(series => series.Name));
        });
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void Every_arrow_leaves_its_wake_slice_and_enters_the_woken_poll(string example)
    {
        var trace = Export(example);
        var polls = trace.Slices.Where(slice => slice.Category == "poll").ToLookup(slice => (slice.Track, slice.Start));

        Assert.All(trace.Arrows(), arrow =>
        {
            Assert.Equal(("wake", 0UL), (arrow.From.Slice.Category, arrow.From.Slice.End - arrow.From.Slice.Start));
            Assert.StartsWith("wake ", arrow.From.Slice.Name);
            Assert.StartsWith(arrow.From.Slice.Name["wake ".Length..], trace.TrackNames[arrow.To.Track]);
            // A poll answering several wakes ends the first arrow; the others end in zero-length slices at its start.
            Assert.True(arrow.To.Slice.Name == "poll" || (arrow.To.Slice.Name == "woken" && polls.Contains((arrow.To.Track, arrow.To.At))), arrow.To.Slice.ToString());
        });
        Assert.All(trace.Flows, end => Assert.True(end.In != end.Out));
    }

    [Fact]
    public void Processes_are_ordered_threads_tasks_resources()
    {
        var trace = Export("wakes");

        Assert.Equal([1, 2, 3], trace.ProcessOrder.OrderBy(process => process.Value).Select(process => process.Key));
    }

    [Fact]
    public void A_poll_answering_two_wakes_ends_both_arrows_at_its_start()
    {
        // No example wakes a task twice before its next poll: task 2 wakes task 1 during its poll, then
        // thread 1 (outside any task) wakes it again, then task 1 is polled.
        string[] spawn = ["kind", "task.name", "task.id", "loc.file", "loc.line", "loc.col"];
        var at = 0UL;
        var records = new List<WireRecord>
        {
            new StreamStart(0, 0, 1, "synthetic", "test"),
            new ThreadInfo(0, 0, 100, "worker"),
            new ThreadInfo(0, 1, 101, "outside"),
            new Callsite(0, 0, CallsiteKind.Span, Level.Trace, "runtime.spawn", "tokio::task", "tokio::task", "", null, spawn),
            new Callsite(0, 1, CallsiteKind.Event, Level.Trace, "event", "tokio::task::waker", "tokio", "", null, ["op", "task.id"]),
        };
        foreach (var task in (ulong[])[1, 2])
        {
            records.Add(new NewSpan(0, at, at += 1000, 0, task, 0, SpanParent.Root, FieldValues.Create(
                new Field(0, FieldValue.FromDebug("task")), new Field(1, FieldValue.FromDebug("t" + task)), new Field(2, FieldValue.FromU64(task + 100)),
                new Field(3, FieldValue.FromStr("src/main.rs")), new Field(4, FieldValue.FromU64(task)), new Field(5, FieldValue.FromU64(1)))));
        }
        WireRecord Wake(int thread) => new Event(0, at, at += 1000, thread, 1, SpanParent.Contextual,
            FieldValues.Create(new Field(0, FieldValue.FromStr("waker.wake_by_ref")), new Field(1, FieldValue.FromU64(1))));
        records.AddRange(
        [
            new Enter(0, at, at += 1000, 0, 1), new Exit(0, at, at += 1000, 0, 1),
            new Enter(0, at, at += 1000, 0, 2), Wake(thread: 0), new Exit(0, at, at += 1000, 0, 2),
            Wake(thread: 1),
            new Enter(0, at, at += 1000, 0, 1), new Exit(0, at, at += 1000, 0, 1),
        ]);
        var output = new MemoryStream();
        using (var exporter = new PerfettoExporter(output))
        {
            Played.Bytes(DecodedRecords.Recording(records), exporter);
            exporter.Finish();
        }
        var trace = new TraceEvents(output.ToArray());

        var arrows = trace.Arrows().OrderBy(arrow => arrow.From.At).ToList();
        Assert.Equal(2, arrows.Count);
        var poll = trace.On(trace.TaskTrack("t1 (task 101)"), "poll").Last();
        Assert.Equal([("poll", poll.Track, poll.Start), ("woken", poll.Track, poll.Start)], arrows.Select(arrow => (arrow.To.Slice.Name, arrow.To.Track, arrow.To.At)));
        Assert.Equal([trace.TaskTrack("t2 (task 102)"), (1, 2)], arrows.Select(arrow => arrow.From.Track));
    }

    [Theory]
    [MemberData(nameof(Exported.EveryExample), MemberType = typeof(Exported))]
    public void The_protobuf_trace_has_the_tracks_slices_arrows_and_counters_of_the_json_one(string example)
    {
        var json = Export(example);
        var output = new MemoryStream();
        using (var exporter = new PerfettoExporter(_ => new TracePacketWriter(output)))
        {
            Exported.Through(example, exporter);
        }
        var proto = new DecodedTracePackets(output.ToArray());

        string[] processes = ["", "threads", "tasks", "resources"];
        string TrackOf((int Pid, int Tid) track) => $"{processes[track.Pid]}/{json.TrackNames[track]}";
        Assert.Equal(json.TrackNames.Select(track => TrackOf(track.Key)).Order(),
            proto.Tracks.Values.Where(track => track.HasParentUuid && track.Counter is null).Select(track => proto.TrackName(track.Uuid)).Order());
        Assert.Equal(json.Slices.Select(slice => (TrackOf(slice.Track), slice.Name, slice.Category, slice.Start, slice.End, Args(slice))).Order(),
            proto.Slices.Select(slice => (slice.Track, slice.Name, slice.Category, slice.Start, slice.End, string.Join(",", slice.Args.Select(arg => $"{arg.Key}={arg.Value}")))).Order());
        var arrows = proto.Slices.Where(slice => slice.FlowOut != 0).Join(proto.Slices.Where(slice => slice.FlowIn != 0), from => from.FlowOut, to => to.FlowIn,
            (from, to) => (from.Track, From: from.Start, To: to.Track, At: to.Start)).Order();
        Assert.Equal(json.Arrows().Select(arrow => (TrackOf(arrow.From.Track), arrow.From.At, TrackOf(arrow.To.Track), arrow.To.At)).Order(), arrows);
        Assert.Equal(proto.Slices.Count(slice => slice.FlowOut != 0), proto.Slices.Count(slice => slice.FlowIn != 0));
        Assert.Equal(json.Counters.Select(counter => ($"resources/{counter.Name}", counter.At, counter.Args.GetProperty("value").GetDouble())).Order(), proto.Counters.Order());
        // Names are interned: each string once on the sequence.
        Assert.Equal(proto.Slices.Select(slice => slice.Name).Distinct().Count(), proto.Packets.Sum(packet => packet.InternedData?.EventNames.Count ?? 0));
    }

    private static string Args(TraceEvents.Slice slice) => slice.Args.ValueKind == JsonValueKind.Object
        ? string.Join(",", slice.Args.EnumerateObject().Select(arg => $"{arg.Name}={(arg.Value.ValueKind switch { JsonValueKind.True => "True", JsonValueKind.False => "False", JsonValueKind.String => arg.Value.GetString(), _ => arg.Value.GetRawText() })}"))
        : "";

    /// <summary>Slices nest on every track (what Perfetto's importer requires), and each flow end sits in a slice of its track.</summary>
    private static void AssertSlicesNestAndArrowsBind(TraceEvents trace)
    {
        foreach (var track in trace.Slices.GroupBy(slice => slice.Track))
        {
            var open = new Stack<TraceEvents.Slice>();
            foreach (var slice in track.OrderBy(slice => slice.Start).ThenByDescending(slice => slice.End))
            {
                while (open.Count > 0 && open.Peek().End <= slice.Start && !(open.Peek().End == slice.Start && slice.End == slice.Start))
                {
                    open.Pop();
                }
                Assert.True(open.Count == 0 || slice.End <= open.Peek().End, $"{slice} overlaps {(open.Count > 0 ? open.Peek() : null)}");
                open.Push(slice);
            }
        }
        Assert.All(trace.Flows, end => Assert.Contains(trace.Slices, slice => slice.Track == end.Track && slice.Start <= end.At && end.At <= slice.End));
    }

    private static TraceEvents Export(string example, TaskLanes? lanes = null, ResourceCounters? counters = null)
    {
        var output = new MemoryStream();
        using (var exporter = new PerfettoExporter(anchor => new TraceEventWriter(output, anchor), filter: null, lanes ?? new TaskLanes(), counters ?? new ResourceCounters()))
        {
            Exported.Through(example, exporter);
        }
        return new TraceEvents(output.ToArray());
    }

    private static ulong Sum(IEnumerable<TraceEvents.Slice> slices) => slices.Aggregate(0UL, (sum, slice) => sum + (slice.End - slice.Start));
}
