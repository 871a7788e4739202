using System.CommandLine;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari graph FILE --format dot|mermaid</c>: who woke whom.</summary>
internal static class GraphCommand
{
    public static Command Create(IConsole console)
    {
        var recording = new AnalysedRecording();
        var format = AnalysisInput.Format("dot (Graphviz) or mermaid", "dot", "mermaid");
        var command = new Command("graph", """
            Who woke whom: a node per task, one for the runtime and one for outside it, an edge per waker and
            woken task with the number of wakes.

            Examples:
              ari graph app.ari | dot -Tsvg > wakes.svg
              ari graph app.ari --format mermaid
            """)
        {
            format,
        };
        recording.AddTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            var graph = new WakeGraph(mermaid: result.GetRequiredValue(format) == "mermaid");
            var exitCode = AnalysisInput.Follow(console, recording.From(result), graph.Follow);
            AnalysisInput.ToStdout(console, writer => graph.WriteTo(writer));
            return exitCode;
        });
        return command;
    }
}
