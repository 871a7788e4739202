using System.CommandLine;
using Ari.Views;

namespace Ari.Cli;

/// <summary><c>ari show FILE</c>: a recording, as coloured or plain text, HTML or JSON lines.</summary>
internal static class ShowCommand
{
    public static Command Create(IConsole console)
    {
        var file = AnalysisInput.File();
        var view = new ViewOptions();
        var command = new Command("show", """
            Show a recording: every span's lifecycle (new, enter, exit, close) and every event, in the order
            tracing saw them, with span IDs and Tokio's instrumentation in colour. Data goes to stdout.

            Examples:
              ari show spinner.ari                          colour in a terminal, plain text in a pipe
              ari show spinner.ari --layout tree            each span of the scope on its own line
              ari show spinner.ari --format plain           exactly ari-subscriber 0.0.1's text
              ari show spinner.ari --format html > s.html   a page that looks like the terminal
              ari show spinner.ari --kind spawn,waker       only tasks and wakers
              ari show spinner.ari --task 1                 one task: its polls, what it logs, its wakes
              ari show spinner.ari --level debug --target my_app
              ari show spinner.ari --since +1.5s --until +2s
              ari show spinner.ari --format json | jq 'select(.kind == "waker")'
            """)
        {
            file,
        };
        view.AddTo(command);
        command.SetAction(result => Run(result, file, view, console));
        return command;
    }

    private static int Run(ParseResult result, Argument<string> file, ViewOptions view, IConsole console)
    {
        var path = result.GetRequiredValue(file);
        using var source = RecordingReader.Open(path);
        // The view's first line waits for the recording's first watermark, which can be a megabyte into the
        // file: the read-ahead thread decodes up to it while this thread sets up the view and its output.
        source.StartReading();
        using var stdout = console.OpenStandardOutput();
        using var output = new WriteBehindStream(stdout);
        var (renderer, filter) = view.Build(result, console, output, title: $"ari show {Path.GetFileName(path)}");
        using (renderer)
        {
            var pipeline = new EntryPipeline(renderer, filter);
            return RecordingReader.Read(path, source, pipeline, console.Error, renderer.Flush);
        }
    }
}
