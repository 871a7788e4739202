using Ari.Console.Frames;
using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>
/// Paints the whole screen from the session: two header lines (the recording, the time cursor and how
/// the program stands; the counts), the body (fixed lines, then as many rows as fit around the
/// selection), the timeline, and the status line (a prompt, a message, or the keys).
/// </summary>
internal static class ConsolePainter
{
    public const int HeaderLines = 2;

    private const int FooterLines = 2;

    public static (List<ScreenLine> Lines, ScreenLayout Layout) Paint(ConsoleSession session, int columns, int rows)
    {
        var lines = new List<ScreenLine>(rows);
        lines.AddRange(Header(session, columns));
        var body = session.Body(columns);
        var room = Math.Max(0, rows - HeaderLines - FooterLines);
        var fixedShown = Math.Min(body.Fixed.Count, room);
        lines.AddRange(body.Fixed.Take(fixedShown));
        var height = room - fixedShown;
        var list = session.CurrentList;
        list.Fit(body.Count, height);
        var shown = Math.Min(height, body.Count - list.Top);
        for (var i = 0; i < shown; i++)
        {
            var row = list.Top + i;
            lines.Add(body.Row(row, row == list.Selected));
        }
        while (lines.Count < rows - FooterLines)
        {
            lines.Add(new ScreenLine(""));
        }
        lines.Add(TimelineBar.Line(session, columns));
        lines.Add(Status(session));
        return (lines, new ScreenLayout(HeaderLines + fixedShown, shown, list.Top, rows - FooterLines));
    }

    private static IEnumerable<ScreenLine> Header(ConsoleSession session, int columns)
    {
        if (session.Timeline is not { } timeline || session.Snapshot is not { } snapshot)
        {
            yield return new ScreenLine($"ari console  {session.Feed.ProgramStatus ?? ""}", FrameStyle.Title);
            yield return new ScreenLine("");
            yield break;
        }
        var recording = timeline.Recording;
        var status = new List<FrameCell>();
        if (session.Feed.ProgramStatus is { } programStatus)
        {
            status.Add(new FrameCell($"  live: {programStatus}{(session.Paused ? ", paused" : "")}", session.Paused ? FrameStyle.Scheduled : FrameStyle.Running));
        }
        if (session.IsComputing)
        {
            status.Add(new FrameCell("  …", FrameStyle.Keys));
        }
        // A live recording has no end record until the program ends, and a read begun before the end has
        // not all of it: that is no problem until a read after the end finds it so.
        if (session.ShowsWholeRecording && recording.Problem is { } problem)
        {
            status.Add(FrameChrome.ProblemCell(problem));
        }
        var title = FrameChrome.Title(recording, session.Clock(session.Cursor), session.Cursor >= recording.End ? null : session.Clock(recording.End), status, columns);
        yield return new ScreenLine(title);

        var warnings = snapshot.Warnings.Sum(finding => finding.Count);
        var counts = new List<FrameCell>
        {
            new($"{FrameChrome.Plural(snapshot.Tasks.Count, "task")}: {snapshot.CountOf(TaskState.Running)} running, "
                + $"{snapshot.CountOf(TaskState.Scheduled)} scheduled, {snapshot.CountOf(TaskState.Idle)} idle, "
                + $"{snapshot.CountOf(TaskState.Done)} done{(session.HideDone ? " (hidden)" : "")}"),
            new($"  {FrameChrome.Plural(snapshot.Resources.Count, "resource")}  "),
            new(FrameChrome.Plural(warnings, "warning"), warnings > 0 ? FrameStyle.Warning : FrameStyle.Plain),
        };
        if (session.Filter.Length > 0)
        {
            counts.Add(new FrameCell($"  filter: {FrameText.Visible(session.Filter)}", FrameStyle.Scheduled));
        }
        yield return new ScreenLine(counts);
    }

    private static ScreenLine Status(ConsoleSession session)
    {
        if (session.Prompt is { } prompt)
        {
            var asks = prompt == PromptKind.Filter ? "filter (name, location, target): " : "jump to (+1.5s, RFC 3339, empty for the end): ";
            return new ScreenLine([new FrameCell(asks, FrameStyle.Title), new FrameCell(FrameText.Visible(session.PromptText) + "█")]);
        }
        if (session.Message is { } message)
        {
            return new ScreenLine(message, FrameStyle.Scheduled);
        }
        return new ScreenLine(session.Screen switch
        {
            ScreenKind.Tasks => TasksFrame.Keys,
            ScreenKind.TaskDetails => TaskFrame.Keys,
            ScreenKind.TaskLines => "q quit  ? help  esc back  ↑↓ select  enter go to its moment  [ ] { } g time  n p",
            ScreenKind.Resources => ResourcesFrame.Keys,
            ScreenKind.Warnings => WarningsFrame.Keys,
            ScreenKind.WarningDetails => "q quit  ? help  esc back  ↑↓ select  enter go to its moment  [ ] { } g time",
            _ => "q quit  ? help  esc back  [ ] { } g time  t tasks  r resources  w warnings",
        }, FrameStyle.Keys);
    }
}
