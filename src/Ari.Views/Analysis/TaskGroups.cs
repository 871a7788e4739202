using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// A recording's tasks summed by name and spawn location as the tracker hands each one out, keeping no
/// task: memory follows the number of groups, not of tasks. Tokio's own worker spans are left out.
/// </summary>
public sealed class TaskGroups
{
    private readonly Dictionary<(string Name, string Location), TaskGroup> _groups = [];

    /// <summary>The groups in order of their first task's creation.</summary>
    internal IReadOnlyList<TaskGroup> InOrder => [.. _groups.Values.OrderBy(group => group.FirstCreated)];

    /// <summary>Sums the analysis's tasks as they end; called before it reads.</summary>
    public void Follow(TokioAnalysis analysis) => analysis.Tracker.TaskEnded += Add;

    internal TaskGroup? Find(string name, string location) => _groups.GetValueOrDefault((name, location));

    private void Add(TaskSpan task)
    {
        if (task.IsRuntime)
        {
            return;
        }
        var key = (Name: task.Name, Location: task.Location ?? "");
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new TaskGroup(key.Name, key.Location);
            _groups[key] = group;
        }
        group.Add(task);
    }
}
