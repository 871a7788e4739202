using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// The tasks of one recording that share a name and a spawn location, summed: how <c>ari diff</c> lines
/// two recordings up (span IDs differ from run to run; a task spawned in a loop is one group).
/// </summary>
public sealed class TaskGroup(string name, string location) : ITaskFigures
{
    public string Name { get; } = name;

    public string Location { get; } = location;

    public int Tasks { get; private set; }

    public long Polls { get; private set; }

    public long RawPolls { get; private set; }

    public long SelfWakes { get; private set; }

    public long DeferredSelfWakes { get; private set; }

    public long TaskWakes { get; private set; }

    public long OutsideWakes { get; private set; }

    public ulong BusyNanos { get; private set; }

    public ulong ScheduledNanos { get; private set; }

    public ulong IdleNanos { get; private set; }

    /// <summary>Groups a recording's tasks, in order of first creation; Tokio's own worker spans are left out.</summary>
    public static List<TaskGroup> Of(TokioAnalysis analysis)
    {
        var groups = new List<TaskGroup>();
        foreach (var task in analysis.Tasks.Where(task => !task.IsRuntime))
        {
            var location = task.Location ?? "";
            var group = groups.Find(g => g.Name == task.Name && g.Location == location);
            if (group is null)
            {
                group = new TaskGroup(task.Name, location);
                groups.Add(group);
            }
            group.Add(task);
        }
        return groups;
    }

    private void Add(TaskSpan task)
    {
        Tasks++;
        Polls += task.Polls.Corrected;
        RawPolls += task.Polls.Raw;
        SelfWakes += task.SelfWakes;
        DeferredSelfWakes += task.DeferredSelfWakes;
        TaskWakes += task.TaskWakes;
        OutsideWakes += task.OutsideWakes;
        BusyNanos += task.BusyNanos;
        ScheduledNanos += task.ScheduledNanos;
        IdleNanos += task.IdleNanos;
    }
}
