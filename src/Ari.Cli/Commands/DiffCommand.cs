using System.CommandLine;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari diff A B</c>: two recordings side by side per task.</summary>
internal static class DiffCommand
{
    public static Command Create(IConsole console)
    {
        var a = new Argument<string>("a") { Description = "The first recording" };
        var b = new Argument<string>("b") { Description = "The second recording" };
        var format = AnalysisInput.Format("table: for people; json: one object per task name and location", "table", "json");
        var command = new Command("diff", """
            Two recordings side by side, per task (matched by name and spawn location): tasks, polls, wakes
            by class, busy, scheduled and idle time, as A → B. E.g. a program before and after a Tokio upgrade.

            Examples:
              ari diff before.ari after.ari
              ari diff before.ari after.ari --format json
            """)
        {
            a,
            b,
            format,
        };
        AnalysisInput.SetAction(command, result =>
        {
            var left = new TaskGroups();
            var right = new TaskGroups();
            var leftCode = AnalysisInput.Follow(console, new RecordingCut(result.GetRequiredValue(a)), left.Follow);
            var rightCode = AnalysisInput.Follow(console, new RecordingCut(result.GetRequiredValue(b)), right.Follow);
            if (result.GetRequiredValue(format) == "json")
            {
                AnalysisInput.ToStdout(console, stream => DiffView.WriteJson(left, right, stream));
            }
            else
            {
                AnalysisInput.ToStdout(console, writer => DiffView.WriteTable(left, right, writer));
            }
            return Math.Max(leftCode, rightCode);
        });
        return command;
    }
}
