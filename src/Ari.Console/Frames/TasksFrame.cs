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
    public const string Keys = "q quit  ? help  enter details  v lines  ←→ sort  i invert  / filter  d done  [ ] g time";

    /// <summary>The table of the first tasks that fit in <paramref name="room"/> lines of rows, and how many tasks it could show.</summary>
    public static (FrameTable Table, int Count) Table(ConsoleSnapshot snapshot, bool hideDone, int room)
    {
        var table = new FrameTable(
            new FrameColumn("ID", AlignRight: true), new FrameColumn("State"), new FrameColumn("Name", MaxWidth: 20),
            new FrameColumn("Total", true), new FrameColumn("Busy", true), new FrameColumn("Sched", true), new FrameColumn("Idle", true),
            new FrameColumn("Polls", true), new FrameColumn("Self", true), new FrameColumn("Task", true), new FrameColumn("Rt", true),
            new FrameColumn("Out", true), new FrameColumn("Self%", true), new FrameColumn("Warn", true), new FrameColumn("Location"));
        var rows = hideDone ? snapshot.Tasks.Where(task => task.State != TaskState.Done).ToList() : snapshot.Tasks;
        foreach (var task in rows.Take(FrameTable.Shown(rows.Count, room)))
        {
            var done = task.State == TaskState.Done;
            table.Add(done ? FrameStyle.Done : FrameStyle.Plain,
                [
                    task.TokioId is { } id ? Count((long)id) : "-",
                    Name(task.State),
                    task.Name.Length > 0 ? task.Name : task.IsRuntime ? "runtime" : task.Kind,
                    Durations.Text(task.TotalNanos),
                    Durations.Text(task.BusyNanos),
                    Durations.Text(task.ScheduledNanos),
                    Durations.Text(task.IdleNanos),
                    Count(task.Polls.Corrected),
                    Count(task.SelfWakes),
                    Count(task.TaskWakes),
                    Count(task.RuntimeWakes),
                    Count(task.OutsideWakes),
                    task.Wakes == 0 ? "-" : (task.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
                    task.Warnings.Count == 0 ? "" : Count(task.Warnings.Count),
                    task.Location,
                ],
                done ? [] : [(1, StyleOf(task.State)), (13, FrameStyle.Warning)]);
        }
        return (table, rows.Count);
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
