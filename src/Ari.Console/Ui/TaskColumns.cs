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
        new("Busy", row => Durations.Text(row.Task.BusyNanos), row => row.Task.BusyNanos, true),
        new("Sched", row => Durations.Text(row.Task.ScheduledNanos), row => row.Task.ScheduledNanos, true),
        new("Idle", row => Durations.Text(row.Task.IdleNanos), row => row.Task.IdleNanos, true),
        new("Polls", row => Count(row.Task.Polls.Corrected), row => row.Task.Polls.Corrected, true),
        new("Self", row => Count(row.Task.SelfWakes), row => row.Task.SelfWakes, true),
        new("Task", row => Count(row.Task.TaskWakes), row => row.Task.TaskWakes, true),
        new("Rt", row => Count(row.Task.RuntimeWakes), row => row.Task.RuntimeWakes, true),
        new("Out", row => Count(row.Task.OutsideWakes), row => row.Task.OutsideWakes, true),
        new("Self%", SelfShare, row => row.Task.Wakes == 0 ? -1 : row.Task.SelfWakeShare, true),
        new("Warn", row => row.Warnings.Count == 0 ? "" : Count(row.Warnings.Count), row => row.Warnings.Count, true,
            Style: row => row.Warnings.Count > 0 ? FrameStyle.Warning : null),
        new("Location", row => row.Task.Location ?? "", MaxWidth: 60),
    ];

    /// <summary>Whether <paramref name="filter"/> (any case) is in the task's name, spawn location or target.</summary>
    public static bool Matches(TaskRow row, string filter) =>
        filter.Length == 0
        || NameOf(row).Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (row.Task.Location?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || row.Task.Span.Callsite.Target.Contains(filter, StringComparison.OrdinalIgnoreCase);

    public static string NameOf(TaskRow row) => row.Task.Name.Length > 0 ? row.Task.Name : row.Task.IsRuntime ? "runtime" : row.Task.Kind;

    public static string SelfShare(TaskRow row) =>
        row.Task.Wakes == 0 ? "-" : (row.Task.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static FrameStyle? StyleOf(TaskState state) => state switch
    {
        TaskState.Running => FrameStyle.Running,
        TaskState.Scheduled => FrameStyle.Scheduled,
        TaskState.Idle => FrameStyle.Idle,
        _ => null,
    };

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
