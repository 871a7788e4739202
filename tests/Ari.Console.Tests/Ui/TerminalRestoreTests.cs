using System.Diagnostics;
using System.Text;
using Ari.Console.Model;
using Ari.Testing;

namespace Ari.Console.Tests.Ui;

/// <summary>
/// <c>ari console</c> in a real pseudo-terminal (util-linux <c>script</c>): however it ends, the last thing
/// it writes leaves the alternate screen and shows the cursor again, so the user's shell is as it was.
/// </summary>
public sealed class TerminalRestoreTests
{
    private const string LeaveAlternateScreen = "\e[?1049l";
    private const string ShowCursor = "\e[?25h";
    private static readonly string Ari = Path.Combine(AppContext.BaseDirectory, "ari.dll");

    [Theory]
    [InlineData("q")]
    [InlineData("\u0003")]
    public void The_terminal_is_restored_after_q_and_ctrl_c(string keys)
    {
        var recording = RealPrograms.Recorded("timers").Recording;

        var (exitCode, screen) = InPty($"dotnet exec {Ari} console {recording}", keys, shownFirst: "Total");

        Assert.Equal(0, exitCode);
        Assert.Contains("ari console", screen);
        var left = screen.LastIndexOf(LeaveAlternateScreen, StringComparison.Ordinal);
        Assert.True(left > screen.LastIndexOf("\e[?1049h", StringComparison.Ordinal), "the console should leave the alternate screen last");
        Assert.Contains(ShowCursor, screen[left..]);
    }

    [Fact]
    public void A_program_run_live_is_recorded_whole_and_its_exit_code_kept()
    {
        var saved = Examples.ScratchFile("console-live.ari");

        var (exitCode, screen) = InPty($"dotnet exec {Ari} console --save {saved} -- {Examples.Binary("spinner")}", "q", shownFirst: "live:");

        Assert.Equal(0, exitCode);
        Assert.Contains("live:", screen);
        Assert.Contains(LeaveAlternateScreen, screen[screen.LastIndexOf("\e[?1049h", StringComparison.Ordinal)..]);
        var recorded = RecordingTimeline.Open(saved);
        Assert.Null(recorded.Recording.Problem);
        Assert.NotEmpty(recorded.AtEnd.Tasks);
    }

    /// <summary>
    /// Runs <paramref name="command"/> in a pseudo-terminal of 100x30, types <paramref name="keys"/> once
    /// the screen shows <paramref name="shownFirst"/> (however long a busy machine takes to get there), and
    /// returns its exit code and everything it wrote.
    /// </summary>
    private static (int ExitCode, string Screen) InPty(string command, string keys, string shownFirst)
    {
        var start = Processes.StartInfo("script", ["-qfec", $"stty cols 100 rows 30; {command}", "/dev/null"],
            new Dictionary<string, string?> { ["TERM"] = "xterm-256color" });
        start.RedirectStandardInput = true;
        using var script = Process.Start(start)!;
        var output = new StringBuilder();
        using var shown = new ManualResetEventSlim();
        var reading = Task.Run(() =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = script.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (output)
                {
                    output.Append(buffer, 0, read);
                    if (!shown.IsSet && output.ToString().Contains(shownFirst, StringComparison.Ordinal))
                    {
                        shown.Set();
                    }
                }
            }
        });
        _ = script.StandardError.ReadToEndAsync();
        Assert.True(shown.Wait(TimeSpan.FromMinutes(1)), $"{command} never showed '{shownFirst}'");
        script.StandardInput.Write(keys);
        script.StandardInput.Flush();
        if (!script.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not end after {Encoding.UTF8.GetByteCount(keys)} bytes of keys");
        }
        reading.Wait();
        return (script.ExitCode, output.ToString());
    }
}
