using System.Globalization;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Frames;

/// <summary>
/// One task's details: what it is, its state and times, polls and wakes by class, its wakers, poll
/// duration and scheduled delay as percentiles and histograms, its warnings, then the uses of its wakers by the moment,
/// latest last (the screen's height keeps the latest).
/// </summary>
internal static class TaskFrame
{
    public const string Keys = "q quit  ? help  esc back  ↑↓ wakes  enter go to its moment  v lines  [ ] { } g time  n p";

    public static Frame Draw(TaskDetails details, FrameOptions options)
    {
        var snapshot = details.Snapshot;
        var row = details.Task;
        var frame = new Frame(options.Size);
        FrameChrome.Header(frame, snapshot, doneHidden: false);
        frame.Add(
            new FrameCell($"Task {(row.TokioId is { } id ? Count((long)id) : "-")}", FrameStyle.Id),
            new FrameCell($"  {FrameText.Visible(row.Label)}  span {row.SpanId}  "),
            new FrameCell(TasksFrame.Name(row.State), row.State == TaskState.Done ? FrameStyle.Done : FrameStyle.Plain));
        frame.Add($"location {FrameText.Visible(row.Location ?? "-")}  parent {FrameText.Visible(row.Parent ?? "-")}");
        frame.Add($"total {Durations.Text(row.TotalNanos)}  busy {Durations.Text(row.BusyNanos)}  scheduled {Durations.Text(row.ScheduledNanos)}  idle {Durations.Text(row.IdleNanos)}");
        frame.Add($"polls {row.Polls.Corrected} ({row.Polls.Raw} raw)  wakes {row.Wakes}: self {row.SelfWakes}, task {row.TaskWakes}, runtime {row.RuntimeWakes}, outside {row.OutsideWakes}"
            + (row.Wakes == 0 ? "" : $" (self {(row.SelfWakeShare * 100).ToString("0", CultureInfo.InvariantCulture)}%)"));
        frame.Add($"wakers cloned {row.WakerClones}, dropped {row.WakerDrops} ({row.WakersDroppedUnwoken} unwoken), outstanding {details.OutstandingWakers}");
        foreach (var line in LatencyCharts.Draw(row, options.Size.Columns))
        {
            frame.Add(line);
        }
        foreach (var warning in row.Warnings)
        {
            frame.Add($"warning: {FrameText.Visible(warning.What)}", FrameStyle.Warning);
        }

        var wakers = new FrameTable(new FrameColumn("At", AlignRight: true), new FrameColumn("Op"), new FrameColumn("Class"),
            new FrameColumn("By", MaxWidth: 30), new FrameColumn("Thread"), new FrameColumn("Polled after", true));
        // The column names take a line, and a note of the uses left out another.
        var rows = frame.RoomLeft - FrameChrome.FooterLines - 1;
        var shown = details.Wakers.Count <= rows ? details.Wakers.Count : Math.Max(0, rows - 1);
        foreach (var report in details.Wakers.Skip(details.Wakers.Count - shown))
        {
            wakers.Add(FrameStyle.Plain,
                [
                    FrameChrome.Clock(snapshot, report.Timestamp),
                    report.Op.Name(),
                    report.Wake.Class.Name(),
                    report.Waker?.ToString() ?? "-",
                    report.Thread.ToString(),
                    report.Latency is { } latency ? Durations.Text(latency) : "-",
                ]);
        }
        if (shown < details.Wakers.Count)
        {
            frame.Add($"… {details.Wakers.Count - shown} earlier waker uses", FrameStyle.Keys);
        }
        if (details.Wakers.Count > 0)
        {
            wakers.DrawInto(frame, shown + 1);
        }
        FrameChrome.Footer(frame, keys: Keys);
        return frame;
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
