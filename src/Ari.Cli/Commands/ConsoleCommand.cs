using System.CommandLine;
using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Console.Ui;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// <c>ari console FILE</c>: the console over a recording. With <c>--frame</c>, one frame of a view at one
/// moment, printed and done (for scripts, docs and tests); without, the interactive console.
/// <c>ari console [--] CMD ARGS…</c>: the interactive console over a program run under the tap, live.
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
        var format = new Option<string>("--format", "-f")
        {
            Description = "How --frame is written: text (in colour as --color says) or svg (a picture of the terminal in its colours, for docs)",
            DefaultValueFactory = _ => "text",
        };
        var program = new Argument<string[]>("args")
        {
            Description = "With a program in place of FILE: its arguments (ari console -- CMD ARGS…)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var save = new Option<string?>("--save")
        {
            Description = "With a program: also keep its recording in this file",
        };
        var command = new Command("console", """
            tasks, resources and warnings as the program stood at any moment of a recording: the tasks spawned
            by then (done ones faded) with their state, times, polls and wakes by class; one task's latency
            percentiles and histograms, and its wakers; resources' state; ari lint's warnings. In a terminal
            it is interactive (? lists the keys; [ ] { } g n p move through time); given a program in place
            of FILE, it runs it under the tap and shows it live. With --frame, one view at one moment,
            printed as text or drawn as a picture (--format svg). See docs/console.md.

            Examples:
              ari console app.ari --frame tasks
              ari console app.ari --frame task:3 --at +1.5s --size 120x40
              ari console app.ari --frame resources --at 2024-01-30T15:43:24.01Z
              ari console app.ari --frame tasks --format svg > tasks.svg
              ari console app.ari
              ari console --save run.ari -- ./target/debug/workers
            """)
        {
            file, program, frame, at, size, hideDone, color, format, save,
        };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            var picture = ParseFormat(result.GetRequiredValue(format));
            if (result.GetValue(frame) is not { } frameText)
            {
                if (picture)
                {
                    throw new UserError("--format svg writes one frame: add --frame tasks (or task:ID, resources, warnings)");
                }
                return Interactive(console, path, result.GetValue(program) ?? [], result.GetValue(save),
                    ViewOptions.ColorIsOn(ViewOptions.ParseColor(result.GetValue(color)), console));
            }
            if (result.GetValue(program) is { Length: > 0 } extra)
            {
                throw new UserError($"--frame shows a recording: {string.Join(' ', extra)} is more than one FILE (run a program with ari console -- CMD ARGS…, without --frame)");
            }
            var choice = ParseFrame(frameText);
            var options = new FrameOptions(ParseSize(result.GetRequiredValue(size)), result.GetValue(hideDone));
            var colour = ViewOptions.ColorIsOn(ViewOptions.ParseColor(result.GetValue(color)), console);
            var atBound = ViewOptions.ParseTime(result.GetValue(at), "--at");
            var timeline = Open(path);
            var moment = atBound is { } bound ? timeline.Resolve(bound) : timeline.Recording.End;
            var drawn = ConsoleFrames.Draw(timeline, choice, moment, options)
                ?? throw new UserError($"--frame task:{choice.TaskId}: no task with Tokio's task ID {choice.TaskId} was spawned by that moment (ari tasks lists them, ID first)");
            using (var stdout = console.OpenStandardOutput())
            {
                if (picture)
                {
                    FrameSvgWriter.Write(drawn, stdout);
                }
                else
                {
                    FrameWriter.Write(drawn, stdout, colour);
                }
            }
            return RecordingReader.Report(path, timeline.Recording.Ending, console.Error);
        });
        return command;
    }

    /// <summary>Without <c>--frame</c>, the interactive console, which needs a terminal: over a recording, or over a program run live.</summary>
    private static int Interactive(IConsole console, string path, string[] arguments, string? save, bool colour)
    {
        if (console.IsOutputRedirected)
        {
            throw new UserError("ari console is interactive and stdout is not a terminal: use --frame tasks (or task:ID, resources, warnings) to print one frame");
        }
        if (arguments.Length > 0 || !IsRecording(path))
        {
            return LiveConsole.Run(console, [path, .. arguments], save, colour);
        }
        var timeline = Open(path);
        ConsoleUi.Run(new RecordedFeed(timeline), colour);
        return RecordingReader.Report(path, timeline.Recording.Ending, console.Error);
    }

    /// <summary>A file that starts as the tap's recordings do; anything else that exists is a program to run. A missing file is a recording that cannot be read.</summary>
    private static bool IsRecording(string path)
    {
        if (!File.Exists(path))
        {
            return true;
        }
        Span<byte> head = stackalloc byte[WireFormat.Magic.Length];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || head.SequenceEqual(WireFormat.Magic);
    }

    private static FrameChoice ParseFrame(string text) =>
        FrameChoice.TryParse(text, out var choice) ? choice : throw new UserError($"--frame {text}: use {FrameChoice.Forms}");

    /// <summary>True for a picture (svg), false for text.</summary>
    private static bool ParseFormat(string text) => text switch
    {
        "text" => false,
        "svg" => true,
        _ => throw new UserError($"--format {text}: use text or svg"),
    };

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
