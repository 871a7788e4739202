using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>A task's own lines as rows, each standing for its moment: Enter moves the whole console there.</summary>
internal static class TaskLinesBody
{
    public static ScreenBody Of(TaskLines lines)
    {
        var title = $"{FrameText.Visible(lines.Task.ToString())}: {FrameChrome.Plural(lines.Lines.Count, "line")}"
            + (lines.IsCut ? $" (the first {TaskLines.Most})" : "") + " in ari show's colours; enter: the console at that line's moment";
        return new ScreenBody([new ScreenLine(title, FrameStyle.Title)], lines.Lines.Count,
            (i, selected) => AnsiLine.Parse(lines.Lines[i], selected),
            i => i < lines.Moments.Count ? lines.Moments[i] : null);
    }
}
