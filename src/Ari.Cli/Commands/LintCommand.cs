using System.CommandLine;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari lint FILE [--deny] [--all] [--internal]</c>: warnings, each rule with its count and first occurrence, or every one.</summary>
internal static class LintCommand
{
    public static Command Create(IConsole console)
    {
        var recording = new AnalysedRecording();
        var format = AnalysisInput.Format("table: for people; json: one object per warning", "table", "json");
        var deny = new Option<bool>("--deny") { Description = $"Exit with {ExitCodes.LintWarnings} when there is any warning" };
        var longPoll = new Option<double>("--long-poll-ms")
        {
            Description = "A poll longer than this many milliseconds is a warning",
            DefaultValueFactory = _ => 50,
        };
        var selfWakes = new Option<double>("--self-wake-share")
        {
            Description = "A task with a larger share of self-wakes (0 to 1) is a warning",
            DefaultValueFactory = _ => 0.5,
        };
        var all = new Option<bool>("--all") { Description = "List every warning in the table, not only each rule's first (JSON always lists every one)" };
        var internals = new Option<bool>("--internal")
        {
            Description = "Also judge Tokio's own spans and resources (its oneshots, sleeps, semaphores, shutdown channel), which are left out by default",
        };
        var command = new Command("lint", """
            Warnings about a recording: tasks woken mostly by themselves in their polls (self-wakes), polls
            that run long without yielding (long-poll), tasks left with no waker while they wait (lost-waker),
            resource events with no resource span (no-resource-parent), unbalanced enter/exit, spans never
            closed, resource state never updated after it is set. The table shows each rule's count and first
            occurrence (--all: every one); JSON has one object per warning.

            Examples:
              ari lint app.ari
              ari lint app.ari --all
              ari lint app.ari --format json | jq -r 'select(.rule == "lost-waker") | .what'
              ari lint app.ari --deny --long-poll-ms 100
            """)
        {
            format,
            deny,
            all,
            internals,
            longPoll,
            selfWakes,
        };
        recording.AddTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            var options = new LintOptions
            {
                LongPollNanos = (ulong)(result.GetValue(longPoll) * 1_000_000),
                SelfWakeShare = result.GetValue(selfWakes),
                Internal = result.GetValue(internals),
                // The view keeps each warning's text as it is found, not the findings.
                KeepOccurrences = false,
            };
            var cut = recording.From(result);
            var exitCode = 0;
            TokioAnalysis? analysis = null;
            if (result.GetRequiredValue(format) == "json")
            {
                AnalysisInput.ToStdout(console, (Stream stream) =>
                    analysis = AnalysisInput.Analyze(console, cut, AnalysisParts.Lint, out exitCode, options, listen: a => LintView.FollowJson(a, stream)));
            }
            else
            {
                var every = result.GetValue(all);
                AnalysisInput.ToStdout(console, (TextWriter writer) =>
                    analysis = AnalysisInput.Analyze(console, cut, AnalysisParts.Lint, out exitCode, options, listen: a => LintView.FollowTable(a, writer, every)));
            }
            return exitCode == ExitCodes.Ok && result.GetValue(deny) && analysis!.Linter.Findings.Count > 0 ? ExitCodes.LintWarnings : exitCode;
        });
        return command;
    }
}
