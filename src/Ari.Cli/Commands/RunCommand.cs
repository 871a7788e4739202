using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using Ari.Model;
using Ari.Views;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// <c>ari run [options] [--] CMD ARGS…</c>: runs a program under the tap and shows its instrumentation
/// live, as records arrive over a private socket. The program keeps its own stdin, stdout and stderr;
/// ari exits with the program's exit code.
/// </summary>
internal sealed class RunCommand(IConsole console)
{
    private Option<string?> Listen { get; } = new("--listen")
    {
        Description = "Take the stream over TCP on this loopback address (IP:PORT, port 0 for any) instead of a private Unix socket",
    };

    private Option<string?> Save { get; } = new("--save")
    {
        Description = "Also keep the recording in this file, to show again later",
    };

    private Option<string> Backlog { get; } = new("--backlog")
    {
        Description = "How much of the stream may wait in memory for a view that has fallen behind (e.g. 64MiB, 2GiB); past it the tap drops records, and says how many",
        HelpName = "size",
        DefaultValueFactory = _ => LiveBacklog.DefaultLimit,
        Validators =
        {
            result =>
            {
                if (result.Tokens.SingleOrDefault()?.Value is { } text && !ByteSize.TryParse(text, out _))
                {
                    result.AddError($"--backlog: '{text}' is not a size (bytes, or a number with KiB, MiB, GiB, KB, MB or GB)");
                }
            },
        },
    };

    private Option<string> Filter { get; } = RecordCommand.FilterOption();

    private Argument<string[]> Program { get; } = RecordCommand.ProgramArgument();

    public static Command Create(IConsole console) => new RunCommand(console).Build();

    private Command Build()
    {
        var view = new ViewOptions();
        var command = new Command("run", """
            Run a program with ari-tap and show its instrumentation live. Takes the same view options as
            show. The view goes to stdout, the program's own output where it always goes. Records the
            view has not shown yet wait in memory (up to --backlog, 256 MiB unless given), so a view
            slower than the program falls behind and catches up rather than losing records.

            Examples:
              ari run ./target/debug/wakes
              ari run --kind spawn,waker --layout tree -- ./target/debug/workers
              ari run --save run.ari --format json -- ./server --port 8080 > events.jsonl
            """)
        {
            Listen,
            Save,
            Backlog,
            Filter,
            Program,
        };
        view.AddTo(command);
        command.SetAction((result, cancel) => RunAsync(result, view, cancel));
        return command;
    }

    private async Task<int> RunAsync(ParseResult result, ViewOptions view, CancellationToken cancel)
    {
        var program = result.GetRequiredValue(Program);
        using var listener = result.GetValue(Listen) is { } address ? TapListener.OnTcp(address) : TapListener.OnUnixSocket();
        using var stdout = console.OpenStandardOutput();
        var (renderer, filter) = view.Build(result, console, stdout, title: $"ari run {Path.GetFileName(program[0])}");
        using (renderer)
        {
            using var interrupts = new InterruptPassThrough();
            using var process = ChildProcess.Start(program, listener.Destination, RecordCommand.FilterEnvironment(result.GetValue(Filter)));
            // Once the program has ended there is nobody to pass Ctrl-C to: it ends ari again, which may
            // still be catching up with what the program sent.
            _ = process.WaitForExitAsync().ContinueWith(_ => interrupts.Dispose(), TaskScheduler.Default);
            var status = await ShowLive(listener, process, new EntryPipeline(renderer, filter), renderer, result.GetValue(Save), ByteSize.Parse(result.GetRequiredValue(Backlog)));
            await process.WaitForExitAsync(CancellationToken.None);
            return status == ExitCodes.BadRecording ? status : process.ExitCode;
        }
    }

    private async Task<int> ShowLive(TapListener listener, Process process, EntryPipeline pipeline, IEntryRenderer renderer, string? save, long backlog)
    {
        if (await listener.AcceptFromAsync(process) is not { } connection)
        {
            console.Error.WriteLine("ari: the program ended without connecting to the tap: does it install ari_tap::layer()?");
            return ExitCodes.Ok;
        }

        await using var stream = new NetworkStream(connection, ownsSocket: true);
        // Written through and shared for reading: another ari may show the recording while it grows (as
        // with `ari record`), and it is whole as soon as the stream has ended, even while the view is behind.
        await using var saved = save is null ? null : new FileStream(save, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        using var source = new RecordSource(LiveBacklog.Start(saved is null ? stream : new TeeStream(stream, saved), backlog));
        source.Idle += renderer.Flush;
        var end = new Replay().Play(source, pipeline);
        renderer.Flush();
        if (end.Damage is { } damage)
        {
            console.Error.WriteLine($"ari: the program's tap sent damaged data: {damage.Message}");
            return ExitCodes.BadRecording;
        }
        return RecordingReader.Report("the live stream", end, console.Error);
    }
}
