using System.CommandLine;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari tasks FILE</c>: one row per task, polls, times and wakes.</summary>
internal static class TasksCommand
{
    public static Command Create(IConsole console)
    {
        var recording = new AnalysedRecording();
        var format = AnalysisInput.Format("table: for people, in order of creation; json: one object per task as it ends (then those alive at the end)", "table", "json");
        var command = new Command("tasks", """
            Every task in a recording: span ID, kind, name, spawn location, parent task, polls (corrected for
            the extra enter/exit tracing's Instrumented makes before close, and raw), busy, scheduled and idle
            time, wakes by class (self, task, outside) and the self-wake share, first and last time.

            Examples:
              ari tasks app.ari
              ari tasks app.ari --format json | jq 'select(.wakes.self > 0)'
              ari tasks app.ari --until +1.5s
            """)
        {
            format,
        };
        recording.AddTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            if (result.GetRequiredValue(format) == "json")
            {
                return AnalysisInput.FollowToStdout(console, recording.From(result), TasksView.FollowJson);
            }
            return AnalysisInput.FollowTableToStdout(console, recording.From(result), TasksView.FollowTable);
        });
        return command;
    }
}
