using System.CommandLine;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari lint FILE [--deny]</c>: warnings, each with a count and its first occurrence.</summary>
internal static class LintCommand
{
    public static Command Create(IConsole console)
    {
        var file = AnalysisInput.File();
        var format = AnalysisInput.Format("table: for people; json: one object per warning", "table", "json");
        var deny = new Option<bool>("--deny") { Description = $"Exit with {ExitCodes.LintWarnings} when there is any warning" };
        var longPoll = new Option<double>("--long-poll-ms")
        {
            Description = "A poll longer than this many milliseconds is a warning",
            DefaultValueFactory = _ => 10,
        };
        var selfWakes = new Option<double>("--self-wake-share")
        {
            Description = "A task with a larger share of self-wakes (0 to 1) is a warning",
            DefaultValueFactory = _ => 0.5,
        };
        var command = new Command("lint", """
            Warnings about a recording, each with a count and the first place it occurs: tasks woken mostly by
            themselves (self-wakes), polls that run long without yielding (long-poll), a task's last waker
            dropped while it waits (lost-waker), resource events with no resource span (no-resource-parent),
            unbalanced enter/exit, spans never closed, resource state never updated after it is set.

            Examples:
              ari lint app.ari
              ari lint app.ari --deny --long-poll-ms 50
            """)
        {
            file,
            format,
            deny,
            longPoll,
            selfWakes,
        };
        command.SetAction(result =>
        {
            var options = new LintOptions
            {
                LongPollNanos = (ulong)(result.GetValue(longPoll) * 1_000_000),
                SelfWakeShare = result.GetValue(selfWakes),
            };
            var analysis = AnalysisInput.Analyze(console, result.GetRequiredValue(file), AnalysisParts.Lint, out var exitCode, options);
            if (result.GetRequiredValue(format) == "json")
            {
                AnalysisInput.ToStdout(console, stream => LintView.WriteJson(analysis, stream));
            }
            else
            {
                AnalysisInput.ToStdout(console, writer => LintView.WriteTable(analysis, writer));
            }
            return exitCode == ExitCodes.Ok && result.GetValue(deny) && analysis.Linter.Findings.Count > 0 ? ExitCodes.LintWarnings : exitCode;
        });
        return command;
    }
}
