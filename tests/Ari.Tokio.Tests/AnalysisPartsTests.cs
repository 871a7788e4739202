using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>An analysis keeps only the parts it is asked for, and says so when asked for another.</summary>
public sealed class AnalysisPartsTests
{
    [Fact]
    public void An_analysis_of_tasks_only_has_the_same_tasks_and_keeps_nothing_else()
    {
        var recording = Examples.Recorded("wakes").Recording;
        var all = Analyses.Of("wakes");

        var tasksOnly = Analyses.OfFile(recording, AnalysisParts.Tasks);

        Assert.Equal(all.Tasks.Select(task => (task.Id, task.Name, task.Polls.Corrected, task.Wakes)),
            tasksOnly.Tasks.Select(task => (task.Id, task.Name, task.Polls.Corrected, task.Wakes)));
        Assert.NotEmpty(all.Wakers);
        var notKept = Assert.Throws<InvalidOperationException>(() => tasksOnly.Wakers);
        Assert.Contains("Wakers", notKept.Message);
        Assert.Throws<InvalidOperationException>(() => tasksOnly.StateUpdates);
        Assert.Throws<InvalidOperationException>(() => tasksOnly.Linter);
    }

    [Fact]
    public void A_wake_awaits_its_tasks_next_poll_until_the_poll_begins()
    {
        // What a view that writes wakes as they come relies on to know when a wake's latency is final.
        var reported = new List<(WakeReport Report, bool AwaitedWhenReported)>();
        var finishedWith = -1;

        Analyses.OfFile(Examples.Recorded("wakes").Recording, AnalysisParts.None, analysis =>
        {
            analysis.Tracker.WakerUsed += report => reported.Add((report, report.AwaitsPoll));
            analysis.Finished += () => finishedWith = reported.Count;
        });

        Assert.Contains(reported, r => r.Report.IsWake);
        Assert.All(reported, r => Assert.Equal(r.Report.IsWake && r.Report.Woken is not null, r.AwaitedWhenReported));
        // Each task of this program is polled again after every wake: none awaits at the end, each has its latency.
        Assert.All(reported, r => Assert.False(r.Report.AwaitsPoll));
        Assert.All(reported.Where(r => r.Report.IsWake), r => Assert.NotNull(r.Report.Latency));
        Assert.Equal(reported.Count, finishedWith);
    }
}
