using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// The tasks of one recording that share a name and a spawn location, summed: how <c>ari diff</c> lines
/// two recordings up (span IDs differ from run to run; a task spawned in a loop is one group).
/// </summary>
internal sealed class TaskGroup(string name, string location) : ITaskFigures
{
    public string Name { get; } = name;

    public string Location { get; } = location;

    public int Tasks { get; private set; }

    public long Polls { get; private set; }

    public long RawPolls { get; private set; }

    public long SelfWakes { get; private set; }

    public long TaskWakes { get; private set; }

    public long RuntimeWakes { get; private set; }

    public long OutsideWakes { get; private set; }

    public ulong BusyNanos { get; private set; }

    public ulong ScheduledNanos { get; private set; }

    public ulong IdleNanos { get; private set; }

    /// <summary>The creation (sequence number) of the group's first task: groups are listed in its order.</summary>
    public ulong FirstCreated { get; private set; } = ulong.MaxValue;

    internal void Add(TaskSpan task)
    {
        FirstCreated = Math.Min(FirstCreated, task.Span.CreatedSequence);
        Tasks++;
        Polls += task.Polls.Corrected;
        RawPolls += task.Polls.Raw;
        SelfWakes += task.SelfWakes;
        TaskWakes += task.TaskWakes;
        RuntimeWakes += task.RuntimeWakes;
        OutsideWakes += task.OutsideWakes;
        BusyNanos += task.BusyNanos;
        ScheduledNanos += task.ScheduledNanos;
        IdleNanos += task.IdleNanos;
    }
}
