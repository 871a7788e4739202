using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>Poll duration and scheduled delay percentiles of real recordings' tasks.</summary>
public sealed class TaskLatenciesTests
{
    [Theory]
    [InlineData("workers")]
    [InlineData("wakes")]
    [InlineData("handoff")]
    [InlineData("oneshot")]
    public void Each_poll_and_each_wait_for_one_is_a_sample_and_the_largest_poll_is_the_longest(string example)
    {
        var analysis = Analyses.OfFile(Examples.Recorded(example).Recording, listen: analysis => analysis.Tracker.KeepLatencies());

        Assert.NotEmpty(analysis.Tasks);
        Assert.All(analysis.Tasks, task =>
        {
            var latencies = Assert.IsType<TaskLatencies>(task.Latencies);
            Assert.Equal(task.Polls.Raw, latencies.Polls.Count);
            Assert.Equal(task.LongestPollNanos, latencies.Polls.Max);
            // A task waits once before its first poll (from its spawn) and at most once before each later one.
            Assert.InRange(latencies.Scheduled.Count, Math.Min(1, task.Polls.Raw), task.Polls.Raw);
            Assert.InRange(latencies.Scheduled.Max, 0UL, task.ScheduledNanos);
            foreach (var histogram in new[] { latencies.Polls, latencies.Scheduled }.Where(histogram => histogram.Count > 0))
            {
                var (p50, p90, p99, max) = (histogram.Percentile(50)!.Value, histogram.Percentile(90)!.Value,
                    histogram.Percentile(99)!.Value, histogram.Percentile(100)!.Value);
                Assert.True(p50 <= p90 && p90 <= p99 && p99 <= max, $"{task}: {p50} {p90} {p99} {max}");
                Assert.Equal(histogram.Max, max);
            }
        });
        Assert.Contains(analysis.Tasks, task => task.Polls.Raw > 1);
    }

    [Fact]
    public void Tasks_keep_no_latencies_unless_asked()
    {
        Assert.All(Analyses.Of("workers").Tasks, task => Assert.Null(task.Latencies));
    }
}
