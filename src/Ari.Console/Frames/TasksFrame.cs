using System.Globalization;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Frames;

/// <summary>
/// The tasks view: one row a task spawned by the moment, in order of creation, with tokio-console's
/// columns: Tokio's task ID, state, name, total, busy, scheduled and idle time, polls, wakes by class,
/// self-wake share, warnings, spawn location. Done tasks are faded, or left out when hidden.
/// </summary>
internal static class TasksFrame
{
    public const string Keys = "q quit  ↑↓ select  enter details  s sort  / filter  h hide done  ←→ time  r resources  w warnings  ? help";

    public static FrameTable Table(ConsoleSnapshot snapshot, bool hideDone)
    {
        var table = new FrameTable(
            new FrameColumn("ID", AlignRight: true), new FrameColumn("State"), new FrameColumn("Name", MaxWidth: 20),
            new FrameColumn("Total", true), new FrameColumn("Busy", true), new FrameColumn("Sched", true), new FrameColumn("Idle", true),
            new FrameColumn("Polls", true), new FrameColumn("Self", true), new FrameColumn("Task", true), new FrameColumn("Rt", true),
            new FrameColumn("Out", true), new FrameColumn("Self%", true), new FrameColumn("Warn", true), new FrameColumn("Location"));
        foreach (var row in snapshot.Tasks)
        {
            if (hideDone && row.State == TaskState.Done)
            {
                continue;
            }
            var task = row.Task;
            var look = StyleOf(row.State);
            table.Add(row.State == TaskState.Done ? FrameStyle.Done : FrameStyle.Plain,
                [
                    row.TokioId is { } id ? Count((long)id) : "-",
                    Name(row.State),
                    task.Name.Length > 0 ? task.Name : task.IsRuntime ? "runtime" : task.Kind,
                    Durations.Text(row.TotalNanos),
                    Durations.Text(task.BusyNanos),
                    Durations.Text(task.ScheduledNanos),
                    Durations.Text(task.IdleNanos),
                    Count(task.Polls.Corrected),
                    Count(task.SelfWakes),
                    Count(task.TaskWakes),
                    Count(task.RuntimeWakes),
                    Count(task.OutsideWakes),
                    task.Wakes == 0 ? "-" : (task.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
                    row.Warnings.Count == 0 ? "" : Count(row.Warnings.Count),
                    task.Location,
                ],
                row.State == TaskState.Done ? [] : [(1, look), (13, FrameStyle.Warning)]);
        }
        return table;
    }

    public static string Name(TaskState state) => state switch
    {
        TaskState.Running => "running",
        TaskState.Scheduled => "scheduled",
        TaskState.Idle => "idle",
        _ => "done",
    };

    private static FrameStyle StyleOf(TaskState state) => state switch
    {
        TaskState.Running => FrameStyle.Running,
        TaskState.Scheduled => FrameStyle.Scheduled,
        TaskState.Idle => FrameStyle.Idle,
        _ => FrameStyle.Done,
    };

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
