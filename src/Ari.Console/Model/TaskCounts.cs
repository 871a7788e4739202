using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// A task's counts (polls, wakes by class, wakers) at a snapshot's moment: small numbers that most tasks
/// of one kind share, so one instance for every row with the same (<see cref="RowParts"/>). Equal by
/// what a row reads of its polls: the counter's own flags are for counting on, which a row never does.
/// </summary>
internal sealed record TaskCounts(PollCounter Polls, long SelfWakes, long TaskWakes, long RuntimeWakes, long OutsideWakes,
    double SelfWakeShare, long WakerClones, long WakerDrops, long WakersDroppedUnwoken, int OutstandingWakers)
{
    public static TaskCounts Of(TaskSpan task) => new(task.Polls, task.SelfWakes, task.TaskWakes, task.RuntimeWakes, task.OutsideWakes,
        task.SelfWakeShare, task.WakerClones, task.WakerDrops, task.WakersDroppedUnwoken, task.OutstandingWakers);

    public bool Equals(TaskCounts? other) =>
        other is not null && Polls.Raw == other.Polls.Raw && Polls.DropPairs == other.Polls.DropPairs
        && (SelfWakes, TaskWakes, RuntimeWakes, OutsideWakes, SelfWakeShare, WakerClones, WakerDrops, WakersDroppedUnwoken, OutstandingWakers)
        == (other.SelfWakes, other.TaskWakes, other.RuntimeWakes, other.OutsideWakes, other.SelfWakeShare, other.WakerClones, other.WakerDrops,
            other.WakersDroppedUnwoken, other.OutstandingWakers);

    public override int GetHashCode() =>
        HashCode.Combine(Polls.Raw, Polls.DropPairs, HashCode.Combine(SelfWakes, TaskWakes, RuntimeWakes, OutsideWakes),
            HashCode.Combine(WakerClones, WakerDrops, WakersDroppedUnwoken, OutstandingWakers));
}
