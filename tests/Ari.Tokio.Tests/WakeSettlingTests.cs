using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>
/// The tracker settles each waker report once, where exporters and views pick it up: a wake at its
/// task's next poll, before that poll's <see cref="TokioTracker.PollStarted"/>; a drop as it happens.
/// </summary>
public sealed class WakeSettlingTests
{
    [Fact]
    public void Each_report_is_settled_once_and_a_wake_just_before_its_tasks_next_poll_starts()
    {
        var used = new List<WakeReport>();
        var settled = new List<WakeReport>();
        var settledAtPoll = new List<(WakeReport Report, ulong PollStart)>();
        var pollsStarted = 0;

        Analyses.OfFile(Examples.Recorded("wakes").Recording, AnalysisParts.None, analysis =>
        {
            var pending = new List<WakeReport>();
            analysis.Tracker.WakerUsed += used.Add;
            analysis.Tracker.WakeSettled += report =>
            {
                Assert.False(report.AwaitsPoll);
                settled.Add(report);
                pending.Add(report);
            };
            analysis.Tracker.PollStarted += (task, enter) =>
            {
                pollsStarted++;
                settledAtPoll.AddRange(pending.Where(report => report.IsWake && ReferenceEquals(report.Woken, task)).Select(report => (report, enter.Timestamp)));
                pending.Clear();
            };
        });

        Assert.Equal(used, settled.OrderBy(report => report.Sequence));
        Assert.Equal(used.Count, settled.Distinct().Count());
        Assert.True(pollsStarted > 0);
        Assert.NotEmpty(settledAtPoll);
        Assert.All(settledAtPoll, pair => Assert.Equal(pair.PollStart, pair.Report.NextPollAt));
        Assert.All(settled.Where(report => !report.IsWake), report => Assert.Null(report.NextPollAt));
    }
}
