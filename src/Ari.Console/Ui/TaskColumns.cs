using System.Globalization;
using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>
/// The tasks list's columns, as tokio-console has them and as <c>--frame tasks</c> shows them: Tokio's task
/// ID, state, name, total, busy, scheduled and idle time, polls, wakes by class, self-wake share,
/// warnings, spawn location. Times and counts sort as numbers.
/// </summary>
internal static class TaskColumns
{
    public static readonly IReadOnlyList<TableColumn<TaskRow>> All =
    [
        new("ID", row => row.TokioId is { } id ? Count((long)id) : "-", row => row.TokioId, AlignRight: true, Style: _ => FrameStyle.Id),
        new("State", row => TasksFrame.Name(row.State), row => (int)row.State, Style: row => StyleOf(row.State)),
        new("Name", NameOf, MaxWidth: 20),
        new("Total", row => Durations.Text(row.TotalNanos), row => row.TotalNanos, true),
        new("Busy", row => Durations.Text(row.BusyNanos), row => row.BusyNanos, true),
        new("Sched", row => Durations.Text(row.ScheduledNanos), row => row.ScheduledNanos, true),
        new("Idle", row => Durations.Text(row.IdleNanos), row => row.IdleNanos, true),
        new("Polls", row => Count(row.Polls.Corrected), row => row.Polls.Corrected, true),
        new("Self", row => Count(row.SelfWakes), row => row.SelfWakes, true),
        new("Task", row => Count(row.TaskWakes), row => row.TaskWakes, true),
        new("Rt", row => Count(row.RuntimeWakes), row => row.RuntimeWakes, true),
        new("Out", row => Count(row.OutsideWakes), row => row.OutsideWakes, true),
        new("Self%", SelfShare, row => row.Wakes == 0 ? -1 : row.SelfWakeShare, true),
        new("Warn", row => row.Warnings.Count == 0 ? "" : Count(row.Warnings.Count), row => row.Warnings.Count, true,
            Style: row => row.Warnings.Count > 0 ? FrameStyle.Warning : null),
        new("Location", row => row.Location ?? "", MaxWidth: 60),
    ];

    /// <summary>Whether <paramref name="filter"/> (any case) is in the task's name, spawn location or target.</summary>
    public static bool Matches(TaskRow row, string filter) =>
        filter.Length == 0
        || NameOf(row).Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (row.Location?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || row.Target.Contains(filter, StringComparison.OrdinalIgnoreCase);

    public static string NameOf(TaskRow row) => row.Name.Length > 0 ? row.Name : row.IsRuntime ? "runtime" : row.Kind;

    public static string SelfShare(TaskRow row) =>
        row.Wakes == 0 ? "-" : (row.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static FrameStyle? StyleOf(TaskState state) => state switch
    {
        TaskState.Running => FrameStyle.Running,
        TaskState.Scheduled => FrameStyle.Scheduled,
        TaskState.Idle => FrameStyle.Idle,
        _ => null,
    };

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
