using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Frames;

/// <summary>What every frame has around its view: two header lines (the recording and the time cursor; the counts) and a footer of keys.</summary>
internal static class FrameChrome
{
    public const int HeaderLines = 2;

    public const int FooterLines = 1;

    public static void Header(Frame frame, ConsoleSnapshot snapshot, bool doneHidden)
    {
        var recording = snapshot.Recording;
        var problem = recording.Problem is { } text ? new[] { ProblemCell(text) } : [];
        frame.Add(Title(recording, Clock(snapshot, snapshot.At), snapshot.At >= recording.End ? null : Clock(snapshot, recording.End), problem, frame.Size.Columns));

        var warnings = snapshot.Warnings.Sum(finding => finding.Count);
        frame.Add(
            new FrameCell($"{Plural(snapshot.Tasks.Count, "task")}: {snapshot.CountOf(TaskState.Running)} running, "
                + $"{snapshot.CountOf(TaskState.Scheduled)} scheduled, {snapshot.CountOf(TaskState.Idle)} idle, "
                + $"{snapshot.CountOf(TaskState.Done)} done{(doneHidden ? " (hidden)" : "")}"),
            new FrameCell($"  {Plural(snapshot.Resources.Count, "resource")}  "),
            new FrameCell(Plural(warnings, "warning"), warnings > 0 ? FrameStyle.Warning : FrameStyle.Plain));
    }

    /// <summary>
    /// The header's first line: the recording's file name, the time cursor (with the recording's end unless
    /// the cursor is there) and <paramref name="status"/> (how a live program stands, a damaged
    /// recording). The name gives way, shortened in its middle, when the line is wider than the screen:
    /// the moment shown and a recording's damage matter more than the whole of a long name.
    /// </summary>
    public static List<FrameCell> Title(RecordingSummary recording, string at, string? end, IReadOnlyList<FrameCell> status, int columns)
    {
        const string Lead = "ari console  ";
        var moment = $"  at {at}";
        var ending = end is null ? " (end)" : $" of {end}";
        var room = columns - Lead.Length - moment.Length - ending.Length - status.Sum(cell => cell.Text.Length);
        var name = FrameText.Middle(FrameText.Visible(Path.GetFileName(recording.Path)), Math.Max(room, 1));
        return [new FrameCell(Lead + name + moment, FrameStyle.Title), new FrameCell(ending, FrameStyle.Title), .. status];
    }

    /// <summary>What the header says of a cut or damaged recording.</summary>
    public static FrameCell ProblemCell(string problem) => new($"  recording {problem}", FrameStyle.Problem);

    public static void Footer(Frame frame, string keys) => frame.Add(keys, FrameStyle.Keys);

    /// <summary>A moment as the analysis tables show it: time since the recording's first entry.</summary>
    public static string Clock(ConsoleSnapshot snapshot, ulong at) =>
        "+" + Durations.Text(at >= snapshot.Recording.Start ? at - snapshot.Recording.Start : 0);

    public static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
