using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Frames;

/// <summary>
/// A task's two latencies (poll duration, scheduled delay) side by side, each as its p50, p90, p99 and max
/// beside a histogram of its buckets, as tokio-console draws one: a bar a range of durations, as tall as
/// the values in it, between the smallest and the largest value written under it. The ranges grow on a log
/// scale: a latency's values span orders of magnitude, and on a linear one every bar but the last few
/// would hold all the values or none. The frame and the interactive screen draw these same lines.
/// </summary>
internal static class LatencyCharts
{
    /// <summary>The title, then a line for each of p50, p90, p99 and max; the last holds the histogram's axis.</summary>
    public const int Lines = 5;

    private const int ChartRows = Lines - 2;
    private const string Levels = " ▁▂▃▄▅▆▇█";
    private const int LabelWidth = 13;

    private static readonly (string Name, Func<LatencyFigures, ulong?> Value)[] Marks =
        [("p50", f => f.P50), ("p90", f => f.P90), ("p99", f => f.P99), ("max", f => f.Max)];

    public static IEnumerable<IReadOnlyList<FrameCell>> Draw(TaskRow task, int width)
    {
        var half = Math.Max(2 * LabelWidth, (width - 2) / 2);
        var polls = Half("poll duration", task.PollDurations, half, FrameStyle.Running);
        var delays = Half("scheduled delay", task.ScheduledDelays, half, FrameStyle.Scheduled);
        for (var line = 0; line < Lines; line++)
        {
            yield return [.. Padded(polls[line], half + 2), .. delays[line]];
        }
    }

    private static FrameCell[][] Half(string what, LatencyFigures figures, int width, FrameStyle style)
    {
        if (figures.Count == 0)
        {
            return [[new FrameCell($"{what}: none", FrameStyle.ColumnNames)], [], [], [], []];
        }
        var bars = Bars(figures, width - LabelWidth);
        var lines = new FrameCell[Lines][];
        lines[0] = [new FrameCell($"{what} ({figures.Count})", FrameStyle.ColumnNames)];
        for (var row = 0; row < ChartRows; row++)
        {
            lines[row + 1] = [Label(Marks[row], figures), new FrameCell(ChartRow(bars, ChartRows - 1 - row), style)];
        }
        lines[Lines - 1] = [Label(Marks[^1], figures), new FrameCell(Axis(figures, width - LabelWidth), FrameStyle.Keys)];
        return lines;
    }

    private static FrameCell Label((string Name, Func<LatencyFigures, ulong?> Value) mark, LatencyFigures figures) =>
        new($"{mark.Name} {(mark.Value(figures) is { } nanos ? Durations.Text(nanos) : "-"),7}  ");

    /// <summary>Each bar's height in eighths of a line, the tallest <see cref="ChartRows"/> lines; a bar with any value shows.</summary>
    private static int[] Bars(LatencyFigures figures, int count)
    {
        var buckets = figures.Buckets.ToList();
        var lowest = buckets[0].Lowest;
        var highest = figures.Max ?? lowest;
        var counts = new long[count];
        var span = Math.Log(1 + highest) - Math.Log(1 + lowest);
        foreach (var bucket in buckets)
        {
            var at = span <= 0 ? 0 : (int)Math.Round((Math.Log(1 + Math.Min(bucket.Lowest, highest)) - Math.Log(1 + lowest)) / span * (count - 1));
            counts[at] += bucket.Count;
        }
        var tallest = counts.Max();
        var eighths = ChartRows * 8;
        return [.. counts.Select(n => n == 0 ? 0 : Math.Max(1, (int)Math.Round((double)n / tallest * eighths)))];
    }

    private static string ChartRow(int[] bars, int row) =>
        string.Concat(bars.Select(height => Levels[Math.Clamp(height - (row * 8), 0, 8)]));

    private static string Axis(LatencyFigures figures, int width)
    {
        var lowest = Durations.Text(figures.Buckets.First().Lowest);
        var highest = Durations.Text(figures.Max ?? 0);
        return lowest + highest.PadLeft(Math.Max(1, width - lowest.Length));
    }

    private static IEnumerable<FrameCell> Padded(FrameCell[] cells, int width)
    {
        var used = cells.Sum(cell => cell.Text.Length);
        return used >= width ? cells : [.. cells, new FrameCell(new string(' ', width - used))];
    }
}
