using System.CommandLine;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary><c>ari wakes FILE</c>: every wake, its class, who woke whom, and the latency to the next poll.</summary>
internal static class WakesCommand
{
    public static Command Create(IConsole console)
    {
        var recording = new AnalysedRecording();
        var format = AnalysisInput.Format("table: for people; json: one object per wake", "table", "json");
        var drops = new Option<bool>("--drops") { Description = "Also list every waker.drop (a waker that went away; the class says who dropped it)" };
        var command = new Command("wakes", """
            Every waker.wake and waker.wake_by_ref in a recording: time, thread, op, woken task, class
            (self: the task woke itself in its own poll; task: another task's poll woke it; runtime: a runtime
            thread with no task polled there, e.g. a driver, a deferred yield_now, a task's end; outside: a
            thread that is not the runtime's), whether the woken task had closed, the waking task, the clone
            the wake consumed, and the latency until the woken task was next polled. See docs/analysis.md.

            Examples:
              ari wakes app.ari
              ari wakes app.ari --drops --format json
            """)
        {
            format,
            drops,
        };
        recording.AddTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            var withDrops = result.GetValue(drops);
            if (result.GetRequiredValue(format) == "json")
            {
                return AnalysisInput.FollowToStdout(console, recording.From(result),
                    (analysis, lines) => WakesView.FollowJson(analysis, lines, withDrops));
            }
            return AnalysisInput.FollowTableToStdout(console, recording.From(result),
                (analysis, writer) => WakesView.FollowTable(analysis, writer, withDrops));
        });
        return command;
    }
}
