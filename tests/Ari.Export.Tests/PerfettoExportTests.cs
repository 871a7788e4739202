using Ari.Export.Perfetto;
using Ari.Testing;
using Ari.Tokio;

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
        var trace = Export(example);

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

    private static TraceEvents Export(string example)
    {
        var output = new MemoryStream();
        using (var exporter = new PerfettoExporter(output))
        {
            Exported.Through(example, exporter);
        }
        return new TraceEvents(output.ToArray());
    }

    private static ulong Sum(IEnumerable<TraceEvents.Slice> slices) => slices.Aggregate(0UL, (sum, slice) => sum + (slice.End - slice.Start));
}
