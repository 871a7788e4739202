using System.Globalization;
using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari tasks</c>: one row per task. Polls are shown corrected (without the <c>Instrumented</c> drop
/// pair, tracing#2562) and raw (every enter/exit pair); scheduled time runs from a wake (or the spawn) to
/// the next poll; idle is the rest of the task's life that it was not busy.
/// </summary>
public static class TasksView
{
    /// <summary>
    /// The table of tasks, in order of creation, each row made as the tracker hands its task out (as it
    /// ends, or when the recording does): the table keeps its rows' text, not the tasks behind them.
    /// </summary>
    public static void FollowTable(TokioAnalysis analysis, TextWriter output)
    {
        analysis.Tracker.KeepLatencies();
        var table = new TextTable("ID", "Span", "Kind", "Name", "Spawned at", "Parent", "Polls", "Raw", "Busy", "Sched", "Idle",
            "Poll p50/p99", "Sched p50/p99", "Self", "Task", "Runtime", "Outside", "Self %", "First", "Last");
        table.RightAlign(0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        analysis.Tracker.TaskEnded += task => table.AddInOrder(
            task.Span.CreatedSequence,
            task.TokioId is { } tokioId ? tokioId.ToString(CultureInfo.InvariantCulture) : "-",
            task.Id.ToString(CultureInfo.InvariantCulture),
            task.IsRuntime ? "runtime" : task.Kind,
            task.Name,
            task.Location,
            task.Parent?.ToString(),
            Count(task.Polls.Corrected),
            Count(task.Polls.Raw),
            Durations.Text(task.BusyNanos),
            Durations.Text(task.ScheduledNanos),
            Durations.Text(task.IdleNanos),
            MedianAndP99(task.Latencies?.Polls),
            MedianAndP99(task.Latencies?.Scheduled),
            Count(task.SelfWakes),
            Count(task.TaskWakes),
            Count(task.RuntimeWakes),
            Count(task.OutsideWakes),
            task.Wakes == 0 ? "-" : (task.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
            AnalysisClock.Relative(analysis, task.FirstAt),
            AnalysisClock.Relative(analysis, task.LastAt) + (task.IsClosed ? "" : " (open)"));
        analysis.Finished += () => table.WriteTo(output);
    }

    /// <summary>
    /// Writes each task as a JSON line as the tracker hands it out, keeping none: the tasks in the order
    /// they close, then those alive when the recording ends, oldest first. Memory then follows the tasks
    /// alive at once, not the recording's length (a table needs every row first for its widths).
    /// </summary>
    public static void FollowJson(TokioAnalysis analysis, JsonLines lines)
    {
        analysis.Tracker.KeepLatencies();
        analysis.Tracker.TaskEnded += task => lines.Write(json => Write(json, analysis, task));
    }

    private static void Write(Utf8JsonWriter json, TokioAnalysis analysis, TaskSpan task)
    {
        JsonLines.NumberOrNull(json, "task_id", task.TokioId);
        json.WriteNumber("id", task.Id);
        json.WriteString("kind", task.Kind);
        json.WriteBoolean("runtime", task.IsRuntime);
        json.WriteString("name", task.Name);
        JsonLines.StringOrNull(json, "location", task.Location);
        JsonLines.NumberOrNull(json, "parent_task_id", task.Parent?.TokioId);
        JsonLines.NumberOrNull(json, "parent", task.Parent?.Id);
        json.WriteStartObject("polls");
        json.WriteNumber("corrected", task.Polls.Corrected);
        json.WriteNumber("raw", task.Polls.Raw);
        json.WriteNumber("drop_pairs", task.Polls.DropPairs);
        json.WriteEndObject();
        TaskFiguresJson.WriteTimes(json, task);
        json.WriteNumber("longest_poll_ns", task.LongestPollNanos);
        WritePercentiles(json, "poll_duration_ns", task.Latencies?.Polls);
        WritePercentiles(json, "scheduled_delay_ns", task.Latencies?.Scheduled);
        TaskFiguresJson.WriteWakes(json, task);
        json.WriteNumber("self_wake_share", task.SelfWakeShare);
        json.WriteStartObject("wakers");
        json.WriteNumber("cloned", task.WakerClones);
        json.WriteNumber("dropped", task.WakerDrops);
        json.WriteNumber("dropped_unwoken", task.WakersDroppedUnwoken);
        json.WriteNumber("outstanding", task.OutstandingWakers);
        json.WriteEndObject();
        json.WriteString("first", AnalysisClock.Absolute(analysis, task.FirstAt));
        json.WriteString("last", AnalysisClock.Absolute(analysis, task.LastAt));
        json.WriteBoolean("closed", task.IsClosed);
    }

    /// <summary>An object of percentiles, each null when nothing was measured.</summary>
    private static void WritePercentiles(Utf8JsonWriter json, string name, LatencyHistogram? latencies)
    {
        json.WriteStartObject(name);
        JsonLines.NumberOrNull(json, "p50", latencies?.Percentile(50));
        JsonLines.NumberOrNull(json, "p90", latencies?.Percentile(90));
        JsonLines.NumberOrNull(json, "p99", latencies?.Percentile(99));
        JsonLines.NumberOrNull(json, "max", latencies?.Percentile(100));
        json.WriteEndObject();
    }

    private static string MedianAndP99(LatencyHistogram? latencies) =>
        latencies?.Percentile(50) is { } median && latencies?.Percentile(99) is { } p99
            ? Durations.Text(median) + "/" + Durations.Text(p99)
            : "-";

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
