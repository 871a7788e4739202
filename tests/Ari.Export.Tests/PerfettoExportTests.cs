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
