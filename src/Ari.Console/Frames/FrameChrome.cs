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
        var title = new List<FrameCell>
        {
            new($"ari console  {FrameText.Visible(Path.GetFileName(recording.Path))}  at {Clock(snapshot, snapshot.At)}", FrameStyle.Title),
            new(snapshot.At >= recording.End ? " (end)" : $" of {Clock(snapshot, recording.End)}", FrameStyle.Title),
        };
        if (recording.Problem is { } problem)
        {
            title.Add(new FrameCell($"  recording {problem}", FrameStyle.Problem));
        }
        frame.Add(title);

        var warnings = snapshot.Warnings.Sum(finding => finding.Count);
        frame.Add(
            new FrameCell($"{Plural(snapshot.Tasks.Count, "task")}: {snapshot.CountOf(TaskState.Running)} running, "
                + $"{snapshot.CountOf(TaskState.Scheduled)} scheduled, {snapshot.CountOf(TaskState.Idle)} idle, "
                + $"{snapshot.CountOf(TaskState.Done)} done{(doneHidden ? " (hidden)" : "")}"),
            new FrameCell($"  {Plural(snapshot.Resources.Count, "resource")}  "),
            new FrameCell(Plural(warnings, "warning"), warnings > 0 ? FrameStyle.Warning : FrameStyle.Plain));
    }

    public static void Footer(Frame frame, string keys) => frame.Add(keys, FrameStyle.Keys);

    /// <summary>A moment as the analysis tables show it: time since the recording's first entry.</summary>
    public static string Clock(ConsoleSnapshot snapshot, ulong at) =>
        "+" + Durations.Text(at >= snapshot.Recording.Start ? at - snapshot.Recording.Start : 0);

    public static string Plural(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
