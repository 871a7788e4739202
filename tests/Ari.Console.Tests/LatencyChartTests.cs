using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Tests;

/// <summary>A task's latencies as the details draw them: percentiles beside a histogram of the task's own buckets.</summary>
public sealed class LatencyChartTests
{
    private const int Width = 100;
    private const int Half = (Width - 2) / 2;
    private const int LabelWidth = 13;

    [Theory]
    [InlineData("wakes")]
    [InlineData("spinner")]
    [InlineData("oneshot")]
    public void Each_latency_is_its_percentiles_beside_bars_of_its_buckets_between_its_lowest_and_its_max(string example)
    {
        var tasks = RecordingTimeline.Open(Recordings.Stored(example)).AtEnd.Tasks.Where(task => task.PollDurations.Count > 0).ToList();
        Assert.NotEmpty(tasks);

        foreach (var task in tasks)
        {
            var lines = LatencyCharts.Draw(task, Width).Select(cells => string.Concat(cells.Select(cell => cell.Text))).ToList();
            Assert.Equal(LatencyCharts.Lines, lines.Count);
            foreach (var (figures, at) in new[] { (task.PollDurations, 0), (task.ScheduledDelays, Half + 2) })
            {
                if (figures.Count == 0)
                {
                    continue;
                }
                var half = lines.Select(line => line.Length > at ? line[at..Math.Min(line.Length, at + Half)] : "").ToList();
                var chart = half[1..^1].Select(line => line[LabelWidth..]).ToList();
                var bars = Enumerable.Range(0, chart[^1].Length).Count(column => chart[^1][column] != ' ');

                Assert.StartsWith($"p50 {Durations.Text(figures.P50!.Value),7}", half[1]);
                Assert.StartsWith($"max {Durations.Text(figures.Max!.Value),7}", half[^1]);
                Assert.StartsWith(Durations.Text(figures.Buckets.First().Lowest), half[^1][LabelWidth..]);
                Assert.EndsWith(Durations.Text(figures.Max!.Value), half[^1].TrimEnd());
                // The fullest bar is as tall as the chart; every bar with values shows; no more bars than buckets.
                Assert.Contains('█', chart[0]);
                Assert.InRange(bars, 1, figures.Buckets.Count());
            }
        }
    }

    [Fact]
    public void A_task_never_polled_says_so()
    {
        var line = string.Concat(LatencyCharts.Draw(RowWithout(), 80).First().Select(cell => cell.Text));

        Assert.Equal("poll duration: none", line[..19]);
        Assert.Contains("scheduled delay: none", line);
    }

    /// <summary>A task at the moment it was spawned, before its first poll.</summary>
    private static TaskRow RowWithout()
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored("wakes"));
        var spawned = timeline.AtEnd.Tasks[0].FirstAt;
        return Assert.Single(timeline.SnapshotAt(spawned).Tasks, task => task.FirstAt == spawned);
    }
}
