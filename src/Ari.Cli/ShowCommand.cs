using System.CommandLine;
using Ari.Views;

namespace Ari.Cli;

/// <summary><c>ari show FILE</c>: a recording, as text, HTML or JSON lines.</summary>
public static class ShowCommand
{
    public static readonly Argument<string> File = new("file") { Description = "The recording (from ari record)" };

    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "json: one object per record",
        DefaultValueFactory = _ => "json",
    };

    public static Command Create()
    {
        Format.AcceptOnlyFromAmong("json");
        var command = new Command("show", """
            Show a recording.

            Examples:
              ari show spinner.ari --format json
              ari show spinner.ari --format json | jq 'select(.kind == "waker")'
            """)
        {
            File,
            Format,
        };
        command.SetAction(result => Run(result.GetRequiredValue(File)));
        return command;
    }

    private static int Run(string path)
    {
        using var stdout = Console.OpenStandardOutput();
        using var renderer = new JsonLinesRenderer(stdout);
        var pipeline = new EntryPipeline(renderer);
        return RecordingReader.Read(path, (entry, replay) => pipeline.Push(entry, replay), renderer.Flush);
    }
}
