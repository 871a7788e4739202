using System.CommandLine;
using Ari.Console.Frames;
using Ari.Console.Model;

namespace Ari.Cli;

/// <summary>
/// <c>ari console FILE</c>: the console over a recording. With <c>--frame</c>, one frame of a view at one
/// moment, printed and done (for scripts, docs and tests); without, the interactive console.
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create(IConsole console)
    {
        var file = AnalysisInput.File();
        var frame = new Option<string?>("--frame")
        {
            Description = $"Print one frame and exit: {FrameChoice.Forms}",
        };
        var at = new Option<string?>("--at")
        {
            Description = "The moment shown, as --since takes it: RFC 3339 or an offset from the first record (+1.5s) [default: the end]",
        };
        var size = new Option<string>("--size")
        {
            Description = "The frame's size in characters, COLSxROWS",
            DefaultValueFactory = _ => FrameSize.Default.ToString(),
        };
        var hideDone = new Option<bool>("--hide-done")
        {
            Description = "Leave out the tasks closed by the moment",
        };
        var color = new Option<string>("--color")
        {
            Description = "auto (a terminal, and NO_COLOR unset or empty), always or never",
            DefaultValueFactory = _ => "auto",
        };
        var command = new Command("console", """
            tasks, resources and warnings as the program stood at any moment of a recording: the tasks spawned
            by then (done ones faded) with their state, times, polls and wakes by class; one task's latency
            percentiles and wakers; resources' state; ari lint's warnings. See docs/console.md.

            Examples:
              ari console app.ari --frame tasks
              ari console app.ari --frame task:3 --at +1.5s --size 120x40
              ari console app.ari --frame resources --at 2024-01-30T15:43:24.01Z
            """)
        {
            file, frame, at, size, hideDone, color,
        };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            if (result.GetValue(frame) is not { } frameText)
            {
                return Interactive(console, path);
            }
            var choice = FrameChoice.TryParse(frameText, out var parsed) ? parsed : throw new UserError($"--frame {frameText}: use {FrameChoice.Forms}");
            var options = new FrameOptions(ParseSize(result.GetRequiredValue(size)), result.GetValue(hideDone));
            var colour = ViewOptions.ColorIsOn(ViewOptions.ParseColor(result.GetValue(color)), console);
            var atBound = ViewOptions.ParseTime(result.GetValue(at), "--at");
            var timeline = Open(path);
            var moment = atBound is { } bound ? timeline.Resolve(bound) : timeline.Recording.End;
            var drawn = ConsoleFrames.Draw(timeline, choice, moment, options)
                ?? throw new UserError($"--frame task:{choice.TaskId}: no task with Tokio's task ID {choice.TaskId} was spawned by that moment (ari tasks lists them, ID first)");
            using (var stdout = console.OpenStandardOutput())
            {
                FrameWriter.Write(drawn, stdout, colour);
            }
            return RecordingReader.Report(path, timeline.Recording.Ending, console.Error);
        });
        return command;
    }

    /// <summary>
    /// Without <c>--frame</c>: the interactive console over <see cref="RecordingTimeline"/>, which needs a
    /// terminal. The screen is not built yet; this is where it starts.
    /// </summary>
    private static int Interactive(IConsole console, string path) => throw new UserError(console.IsOutputRedirected
        ? "ari console is interactive and stdout is not a terminal: use --frame tasks (or task:ID, resources, warnings) to print one frame"
        : $"the interactive console is not built yet: use ari console {path} --frame tasks (or task:ID, resources, warnings) to print one frame");

    private static FrameSize ParseSize(string text) => FrameSize.TryParse(text, out var size)
        ? size
        : throw new UserError($"--size {text}: use COLSxROWS, at least {FrameSize.MinColumns}x{FrameSize.MinRows} (80x24, 120x40)");

    private static RecordingTimeline Open(string path)
    {
        try
        {
            return RecordingTimeline.Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read {path}: {e.Message}");
        }
    }
}
