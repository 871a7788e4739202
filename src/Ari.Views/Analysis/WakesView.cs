using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari wakes</c>: every <c>waker.wake</c> and <c>waker.wake_by_ref</c> (and with drops, every
/// <c>waker.drop</c>): when, on which thread, the woken task, its class, who woke it, the clone it
/// consumed, and how long until the task's next poll.
/// </summary>
public static class WakesView
{
    /// <summary>
    /// The table of wakes (and drops), in the order they happened, each row made as its latency is known:
    /// the table keeps its rows' text, not the reports behind them.
    /// </summary>
    public static void FollowTable(TokioAnalysis analysis, TextWriter output, bool drops)
    {
        var table = new TextTable("Time", "Thread", "Op", "Task", "Class", "By", "Cloned", "Latency").RightAlign(7);
        InOrder(analysis, drops, report => table.Add(
            AnalysisClock.Relative(analysis, report.Timestamp),
            report.Thread.ToString(),
            report.Op.Name(),
            TokioAnalysis.Label(report.Woken, report.Wake.Task),
            report.IsWake ? ClassName(report.Wake) : "-",
            report.Wake.By is { } by ? TokioAnalysis.Label(report.Waker, by) : "-",
            report.Consumed is { } clone ? AnalysisClock.Relative(analysis, clone.Timestamp) + " on " + clone.Thread : "-",
            report.IsWake ? AnalysisClock.Optional(report.Latency) ?? "never" : "-"));
        analysis.Finished += () => table.WriteTo(output);
    }

    /// <summary>Writes each wake (and drop) as a JSON line as soon as its latency is known, in the order they happened.</summary>
    public static void FollowJson(TokioAnalysis analysis, JsonLines lines, bool drops) =>
        InOrder(analysis, drops, report => lines.Write(json => Write(json, analysis, report)));

    /// <summary>
    /// Hands each wake (and drop) to <paramref name="write"/> in the order they happened, once the tracker
    /// has settled it and every one before it (<see cref="TokioTracker.WakeSettled"/>): a task's wakes
    /// settle at its next poll, so across tasks they settle out of order. Holds only the reports from the
    /// oldest unsettled one on; the tracker settles every report by the time it finishes.
    /// </summary>
    private static void InOrder(TokioAnalysis analysis, bool drops, Action<WakeReport> write)
    {
        var waiting = new Queue<WakeReport>();
        analysis.Tracker.WakerUsed += report =>
        {
            if (drops || report.IsWake)
            {
                waiting.Enqueue(report);
            }
        };
        analysis.Tracker.WakeSettled += _ =>
        {
            while (waiting.TryPeek(out var oldest) && !oldest.AwaitsPoll)
            {
                write(waiting.Dequeue());
            }
        };
    }

    /// <summary><c>self</c>, <c>task</c>, <c>runtime</c> or <c>outside</c>, and whether the woken task had closed.</summary>
    public static string ClassName(Wake wake) =>
        wake.Class.Name() + (wake.TaskClosed ? " (task closed)" : "");

    private static void Write(Utf8JsonWriter json, TokioAnalysis analysis, WakeReport report)
    {
        json.WriteString("ts", AnalysisClock.Absolute(analysis, report.Timestamp));
        json.WriteString("thread", report.Thread.Name);
        json.WriteNumber("thread_id", report.Thread.Index);
        json.WriteString("op", report.Op.Name());
        JsonLines.NumberOrNull(json, "task_id", report.Woken?.TokioId);
        json.WriteNumber("task", report.Wake.Task);
        JsonLines.StringOrNull(json, "task_name", report.Woken?.Name);
        json.WriteString("class", report.Wake.Class.Name());
        JsonLines.NumberOrNull(json, "by_task_id", report.Waker?.TokioId);
        JsonLines.NumberOrNull(json, "by", report.Wake.By);
        JsonLines.StringOrNull(json, "by_name", report.Waker?.Name);
        json.WriteBoolean("task_closed", report.Wake.TaskClosed);
        if (report.Consumed is { } clone)
        {
            json.WriteStartObject("cloned");
            json.WriteString("ts", AnalysisClock.Absolute(analysis, clone.Timestamp));
            json.WriteString("thread", clone.Thread.Name);
            json.WriteNumber("thread_id", clone.Thread.Index);
            JsonLines.NumberOrNull(json, "in", clone.ClonedIn?.Id);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("cloned");
        }
        JsonLines.NumberOrNull(json, "latency_ns", report.IsWake ? report.Latency : null);
    }
}
