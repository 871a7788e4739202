using System.CommandLine;
using Ari.Model;
using Ari.Wire;

namespace Ari.Cli;

/// <summary><c>ari record -o FILE [--] CMD ARGS…</c>: runs a program under the tap and keeps the recording.</summary>
public static class RecordCommand
{
    public static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "The recording to write",
        Required = true,
    };

    public static readonly Option<string> Filter = new("--filter")
    {
        Description = "Record only what these directives enable (tracing's EnvFilter syntax, e.g. tokio=trace,my_app=debug); applied inside the tap",
    };

    public static readonly Argument<string[]> Program = new("command")
    {
        Description = "The program to run, and its arguments (after --, or after ari's own options)",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("record", """
            Run a program with ari-tap recording into a file. The program keeps its own stdin, stdout and
            stderr; ari exits with the program's exit code and says on stderr what it recorded.

            Examples:
              ari record -o spinner.ari ./target/debug/spinner
              ari record -o server.ari -- ./server --port 8080
              ari record -o tasks.ari --filter 'tokio::task=trace,runtime=trace' ./target/debug/workers
            """)
        {
            Output,
            Filter,
            Program,
        };
        command.SetAction(result => Run(result.GetRequiredValue(Output), result.GetValue(Filter), result.GetRequiredValue(Program)));
        return command;
    }

    /// <summary>The environment that carries a record-time filter to the tap.</summary>
    public static Dictionary<string, string> FilterEnvironment(string? filter) =>
        string.IsNullOrEmpty(filter) ? [] : new() { ["ARI_TAP_FILTER"] = filter };

    private static int Run(string output, string? filter, string[] program)
    {
        var path = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw new UserError($"cannot write {output}: the directory {directory} does not exist");
        }
        File.Delete(path);
        var exitCode = ChildProcess.Run(program, path, FilterEnvironment(filter));
        Summarize(output, path);
        return exitCode;
    }

    private static void Summarize(string output, string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"ari: the program wrote no recording to {output}: does it install ari_tap::layer()?");
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
            Console.Error.WriteLine($"ari: {output} is damaged: {damage.Message}");
            return;
        }
        var size = new FileInfo(path).Length;
        var ending = end.StreamEndSeen ? "" : " (the program ended without the tap's end record)";
        Console.Error.WriteLine($"ari: recorded {end.Records} records ({size} bytes) to {output}, {end.Dropped?.Records ?? 0} dropped{ending}");
    }
}
