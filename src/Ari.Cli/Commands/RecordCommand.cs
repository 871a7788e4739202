using System.CommandLine;
using Ari.Model;
using Ari.Wire;

namespace Ari.Cli;

/// <summary><c>ari record -o FILE [--] CMD ARGS…</c>: runs a program under the tap and keeps the recording.</summary>
internal static class RecordCommand
{
    /// <summary><c>--filter</c>, which <c>run</c> takes too.</summary>
    public static Option<string> FilterOption() => new("--filter")
    {
        Description = "Record only what these directives enable (tracing's EnvFilter syntax, e.g. tokio=trace,my_app=debug); applied inside the tap",
    };

    /// <summary>The program and its arguments, which <c>run</c> takes too.</summary>
    public static Argument<string[]> ProgramArgument() => new("command")
    {
        Description = "The program to run, and its arguments (after --, or after ari's own options)",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create(IConsole console)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "The recording to write",
            Required = true,
        };
        var filter = FilterOption();
        var program = ProgramArgument();
        var command = new Command("record", """
            Run a program with ari-tap recording into a file. The program keeps its own stdin, stdout and
            stderr; ari exits with the program's exit code and says on stderr what it recorded.

            Examples:
              ari record -o spinner.ari ./target/debug/spinner
              ari record -o server.ari -- ./server --port 8080
              ari record -o tasks.ari --filter 'tokio::task=trace,runtime=trace' ./target/debug/workers
            """)
        {
            output,
            filter,
            program,
        };
        command.SetAction(result => Run(result.GetRequiredValue(output), result.GetValue(filter), result.GetRequiredValue(program), console.Error));
        return command;
    }

    /// <summary>The environment that carries a record-time filter to the tap.</summary>
    public static Dictionary<string, string> FilterEnvironment(string? filter) =>
        string.IsNullOrEmpty(filter) ? [] : new() { ["ARI_TAP_FILTER"] = filter };

    private static int Run(string output, string? filter, string[] program, TextWriter error)
    {
        var path = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw new UserError($"cannot write {output}: the directory {directory} does not exist");
        }
        File.Delete(path);
        var exitCode = ChildProcess.Run(program, path, FilterEnvironment(filter));
        Summarize(output, path, error);
        return exitCode;
    }

    private static void Summarize(string output, string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"ari: the program wrote no recording to {output}: does it install ari_tap::layer()?");
            return;
        }
        // The tap wrote the file itself, so only reading it again says truthfully whether it is whole.
        RecordingEnd end;
        using (var source = RecordSource.OpenFile(path))
        {
            end = new Replay().Play(source, IEntrySink.None);
        }
        if (end.Damage is { } damage)
        {
            error.WriteLine($"ari: {output} is damaged: {damage.Message}");
            return;
        }
        var size = new FileInfo(path).Length;
        var ending = end.StreamEndSeen ? "" : " (the program ended without the tap's end record)";
        error.WriteLine($"ari: recorded {end.Records} records ({size} bytes) to {output}, {end.Dropped?.Records ?? 0} dropped{ending}");
    }
}
