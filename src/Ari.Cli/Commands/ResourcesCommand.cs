using System.CommandLine;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari resources FILE</c>: resources, their state over time, async ops and readiness.</summary>
internal static class ResourcesCommand
{
    public static Command Create(IConsole console)
    {
        var recording = new AnalysedRecording();
        var format = AnalysisInput.Format("table: for people; json: one object per resource (and per event without one)", "table", "json");
        var command = new Command("resources", """
            Every resource in a recording (concrete type, kind, location) with its state attributes rebuilt
            from state_update events (x with x.op = override, add or sub, and x.unit), every change over time,
            its async ops and their polls, poll_op readiness per operation, and the resource events that have
            no resource span above them (e.g. Tokio's blocking-pool shutdown oneshot at the end of a program).

            Examples:
              ari resources app.ari
              ari resources app.ari --format json | jq 'select(.concrete_type == "Sleep")'
            """)
        {
            format,
        };
        recording.AddTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            if (result.GetRequiredValue(format) == "json")
            {
                return AnalysisInput.FollowToStdout(console, recording.From(result), ResourcesView.FollowJson, followResources: true);
            }
            return AnalysisInput.FollowTableToStdout(console, recording.From(result), ResourcesView.FollowTable, followResources: true);
        });
        return command;
    }
}
