using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>
/// A task's two latencies (poll duration, scheduled delay) side by side as bars of their p50, p90, p99
/// and max, on a log scale: a latency's percentiles span orders of magnitude, and a linear bar would
/// show every one but the max as nothing.
/// </summary>
internal static class LatencyBars
{
    private static readonly (string Name, Func<LatencyFigures, ulong?> Value)[] Marks =
        [("p50", f => f.P50), ("p90", f => f.P90), ("p99", f => f.P99), ("max", f => f.Max)];

    public static IEnumerable<ScreenLine> Lines(TaskRow task, int width)
    {
        var half = Math.Max(20, (width - 2) / 2);
        yield return new ScreenLine(
        [
            new FrameCell(Title("poll duration", task.PollDurations).PadRight(half + 2), FrameStyle.ColumnNames),
            new FrameCell(Title("scheduled delay", task.ScheduledDelays), FrameStyle.ColumnNames),
        ]);
        foreach (var (name, value) in Marks)
        {
            yield return new ScreenLine(
            [
                new FrameCell(Bar(name, value(task.PollDurations), task.PollDurations.Max, half).PadRight(half + 2), FrameStyle.Running),
                new FrameCell(Bar(name, value(task.ScheduledDelays), task.ScheduledDelays.Max, half), FrameStyle.Scheduled),
            ]);
        }
    }

    private static string Title(string what, LatencyFigures figures) => figures.Count == 0 ? $"{what}: none" : $"{what} ({figures.Count})";

    private static string Bar(string name, ulong? nanos, ulong? max, int width)
    {
        if (nanos is not { } value || max is not { } top || top == 0)
        {
            return $"{name} -";
        }
        var label = Durations.Text(value);
        var room = Math.Max(1, width - name.Length - label.Length - 2);
        var length = (int)Math.Round(room * Math.Log(1 + value) / Math.Log(1 + top));
        return $"{name} {new string('█', Math.Max(1, length))} {label}";
    }
}
