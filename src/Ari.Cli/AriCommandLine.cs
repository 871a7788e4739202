using System.CommandLine;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// ari's command line: its commands, writing to one console, and the mistakes a user can make turned
/// into one line on stderr and an exit code, never a stack trace.
/// </summary>
internal static class AriCommandLine
{
    public static RootCommand Create(IConsole console) => new("""
        ari shows what Tokio's tracing instrumentation says, in sequence, with span IDs.
        Record a program that installs ari_tap::layer(), then show the recording.
        """)
    {
        RecordCommand.Create(console),
        RunCommand.Create(console),
        ShowCommand.Create(console),
        TasksCommand.Create(console),
        WakesCommand.Create(console),
        ResourcesCommand.Create(console),
        LintCommand.Create(console),
        GraphCommand.Create(console),
        DiffCommand.Create(console),
        ExportCommand.Create(console),
        QueryCommand.Create(console),
        ConsoleCommand.Create(console),
    };

    /// <summary>Runs the command <paramref name="args"/> name; returns ari's exit code.</summary>
    public static int Run(string[] args, IConsole console)
    {
        var root = Create(console);
        args = CommandSplit.Normalize(args, root);
        try
        {
            // Help and parse errors go to the same console as the commands' own output.
            return root.Parse(args).Invoke(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Out,
                Error = console.Error,
            });
        }
        catch (UserError e)
        {
            console.Error.WriteLine($"ari: {e.Message}");
            return e.ExitCode;
        }
        catch (WireFormatException e)
        {
            console.Error.WriteLine($"ari: {e.Message}");
            return ExitCodes.BadRecording;
        }
        catch (IOException e) when (e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase))
        {
            // stdout closed early (e.g. `| head`): nothing more to say.
            return ExitCodes.Ok;
        }
    }
}
