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
}
