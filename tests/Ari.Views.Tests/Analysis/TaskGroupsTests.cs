using Ari.Testing;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Views.Tests.Analysis;

/// <summary>What <c>ari diff</c> lines up: a recording's tasks summed by name and location as they end.</summary>
public sealed class TaskGroupsTests
{
    [Theory]
    [InlineData("workers")]
    [InlineData("handoff")]
    public void Groups_summed_as_tasks_end_match_the_kept_tasks_grouped_afterwards(string example)
    {
        var analysis = new TokioAnalysis(parts: AnalysisParts.Tasks);
        var groups = new TaskGroups();
        groups.Follow(analysis);
        Played.File(Examples.Recorded(example).Recording, analysis);
        analysis.Finish();

        // Tasks are kept in order of creation, so each group first appears where its first task does.
        var expected = analysis.Tasks.Where(task => !task.IsRuntime)
            .GroupBy(task => (task.Name, Location: task.Location ?? ""))
            .Select(group => (group.Key.Name, group.Key.Location, group.Count(), group.Sum(task => task.Polls.Corrected), group.Sum(task => task.SelfWakes)));

        Assert.Equal(expected, groups.InOrder.Select(group => (group.Name, group.Location, group.Tasks, group.Polls, group.SelfWakes)));
        Assert.True(groups.InOrder.Count > 1);
    }
}
