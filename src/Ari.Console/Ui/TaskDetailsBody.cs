using System.Globalization;
using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>
/// One task in full at the moment: what it is, its times, polls and wakes, wakers, its latencies as percentiles and histograms,
/// its warnings, then every use of its wakers by then as rows, each standing for its moment.
/// </summary>
internal static class TaskDetailsBody
{
    private static readonly ListCursor ByTime = new();

    /// <param name="uses">The waker uses' table as last laid out: a busy task's wakers are used thousands of times, and the screen is drawn at every key.</param>
    public static ScreenBody Of(TaskDetails details, int width, Func<ulong, string> clock, TableCache<WakeReport> uses)
    {
        var row = details.Task;
        var top = new List<ScreenLine>
        {
            new([
                new FrameCell($"Task {(row.TokioId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "-")}", FrameStyle.Id),
                new FrameCell($"  {FrameText.Visible(TaskColumns.NameOf(row))}  span {row.SpanId}  {row.Kind}  "),
                new FrameCell(TasksFrame.Name(row.State), row.State == TaskState.Done ? FrameStyle.Done : FrameStyle.Title),
            ]),
            new($"spawned at {FrameText.Visible(row.Location ?? "-")}  by {FrameText.Visible(row.Parent?.ToString() ?? "-")}"),
            new($"total {Durations.Text(row.TotalNanos)}  busy {Durations.Text(row.BusyNanos)}  scheduled {Durations.Text(row.ScheduledNanos)}  idle {Durations.Text(row.IdleNanos)}"),
            new($"polls {row.Polls.Corrected}  wakes {row.Wakes}: self {row.SelfWakes}, task {row.TaskWakes}, runtime {row.RuntimeWakes}, outside {row.OutsideWakes}"
                + (row.Wakes == 0 ? "" : $" (self {TaskColumns.SelfShare(row)})")),
            new($"wakers: {details.OutstandingWakers} outstanding, {row.WakerClones} cloned, {row.WakerDrops} dropped ({row.WakersDroppedUnwoken} unwoken)"),
        };
        top.AddRange(LatencyCharts.Draw(row, width).Select(cells => new ScreenLine(cells)));
        top.AddRange(row.Warnings.Select(warning => new ScreenLine($"warning at {clock(warning.At)}: {FrameText.Visible(warning.What)}", FrameStyle.Warning)));
        if (details.Wakers.Count == 0)
        {
            top.Add(new ScreenLine("no waker of this task was used by this moment", FrameStyle.Keys));
            return ScreenBody.Text(top, []);
        }
        var table = uses.Get((details, clock), details.Wakers, _ => true, Columns(clock), ByTime);
        top.Add(table.Header);
        return new ScreenBody(top, table.Rows.Count, (i, selected) => table.LineOf(i, FrameStyle.Plain, selected), i => table.Rows[i].Timestamp);
    }

    private static IReadOnlyList<TableColumn<WakeReport>> Columns(Func<ulong, string> clock) =>
    [
        new("At", report => clock(report.Timestamp), report => report.Timestamp, AlignRight: true),
        new("Op", report => report.Op.Name()),
        new("Class", report => report.IsWake ? report.Wake.Class.Name() : "-"),
        new("By", report => report.Waker?.ToString() ?? "-", MaxWidth: 30),
        new("Thread", report => report.Thread.ToString()),
        new("Polled after", report => report.Latency is { } latency ? Durations.Text(latency) : "-", AlignRight: true),
    ];
}
