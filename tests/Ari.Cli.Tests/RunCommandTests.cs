using System.Diagnostics;
using System.Text.Json;
using Ari.Model;
using Ari.Testing;
using Ari.Wire;

namespace Ari.Cli.Tests;

/// <summary><c>ari run</c>: the live view of a program, as a user runs it.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void The_live_view_shows_what_tracing_delivered()
    {
        var reference = Examples.ScratchFile("live.reference.jsonl");

        var run = AriCommand.Run(["run", "--format", "json", "--", Examples.Binary("wakes")], new Dictionary<string, string?> { ["ARI_REFERENCE"] = reference });

        Assert.True(run.ExitCode == 0, run.Stderr);
        ReferenceComparison.AssertMatches(File.ReadAllLines(reference), run.Stdout, "ari run wakes");
    }

    [Fact]
    public void The_programs_exit_code_and_output_come_through()
    {
        var run = AriCommand.Run("run", "--format", "json", "--kind", "spawn", "--", Examples.Binary("chatter"), "500");

        Assert.Equal(7, run.ExitCode);
        Assert.Contains("chatter: 500 spans traced\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void A_saved_live_run_shows_the_same_records_again()
    {
        var saved = Examples.ScratchFile("saved.ari");

        var run = AriCommand.Run("run", "--save", saved, "--format", "json", "--", Examples.Binary("oneshot"));
        var shown = InProcessAri.Run("show", saved, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(Lines(run.Stdout), Lines(shown.Stdout));
    }

    [Fact]
    public async Task A_view_that_falls_behind_the_program_loses_nothing()
    {
        var saved = Examples.ScratchFile("behind.ari");

        // Nobody reads the view until the program has ended: its pipe fills after a few hundred lines and
        // the view waits, while the tap sends 100,000 spans' records (about 9 MB) as fast as it can.
        using var ari = AriCommand.Start("run", "--save", saved, "--format", "json", "--", Examples.Binary("chatter"), "100000");
        await WaitUntilWhole(saved, ari);
        var view = await ari.StandardOutput.ReadToEndAsync();
        var errors = await ari.StandardError.ReadToEndAsync();
        await ari.WaitForExitAsync();
        var shown = InProcessAri.Run("show", saved, "--format", "json");

        Assert.Equal(7, ari.ExitCode);
        Assert.Equal("", errors);
        Assert.Equal("", shown.Stderr);
        // The program's own line shares the pipe and may land inside one of the view's.
        var records = Lines(view.Replace("chatter: 100000 spans traced\n", ""));
        Assert.Equal(500_000, records.Count);
        Assert.Equal(Lines(shown.Stdout), records);
    }

    [Fact]
    public async Task Once_the_program_has_ended_ctrl_c_ends_ari_while_its_view_catches_up()
    {
        var saved = Examples.ScratchFile("interrupted.ari");

        // As above, nobody reads the view, so it stays far behind; then Ctrl-C, as a user at a terminal
        // would press it, until ari ends. While the program ran, ari passed Ctrl-C on to it and stayed.
        using var ari = AriCommand.Start("run", "--save", saved, "--format", "json", "--", Examples.Binary("chatter"), "100000");
        await WaitUntilWhole(saved, ari);
        var exited = ari.WaitForExitAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!exited.IsCompleted && DateTime.UtcNow < deadline)
        {
            Processes.Run("kill", ["-INT", ari.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await Task.WhenAny(exited, Task.Delay(500));
        }

        var ended = exited.IsCompleted;
        if (!ended)
        {
            ari.Kill(entireProcessTree: true);
        }
        Assert.True(ended, "ari went on showing what the ended program had sent, whatever Ctrl-C said");
        Assert.Equal(130, ari.ExitCode);
    }

    [Fact]
    public void The_socket_lives_in_a_directory_only_its_user_can_enter()
    {
        var run = AriCommand.Run("run", "--", "/bin/sh", "-c", "stat -c %a \"$(dirname \"${ARI_TAP#unix:}\")\"");

        Assert.Equal("700\n", run.Stdout);
        Assert.Contains("ended without connecting", run.Stderr);
    }

    [Fact]
    public void Tcp_is_loopback_only()
    {
        var refused = AriCommand.Run("run", "--listen", "0.0.0.0:0", "--", Examples.Binary("spinner"));
        var loopback = AriCommand.Run("run", "--listen", "127.0.0.1:0", "--format", "json", "--", Examples.Binary("spinner"));

        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.StartsWith("ari: --listen 0.0.0.0:0: ari only listens on loopback", refused.Stderr);
        Assert.Equal(0, loopback.ExitCode);
        Assert.True(Lines(loopback.Stdout).Any(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString() == "waker"),
            $"no waker line in {Lines(loopback.Stdout).Count()} lines; ari said: {loopback.Stderr}");
    }

    /// <summary>Waits for a recording being written to end with its stream's end.</summary>
    private static async Task WaitUntilWhole(string recording, Process ari)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long size = -1;
        // Decoded only once it has stopped growing, so the test's own reading does not compete for the CPU.
        while (!(File.Exists(recording) && StoppedGrowing(recording, ref size) && EndsWhole(recording)))
        {
            if (DateTime.UtcNow > deadline)
            {
                ari.Kill(entireProcessTree: true);
                Assert.Fail($"{recording} ({size} bytes) did not receive the end of the stream while the view was behind; ari said: {await ari.StandardError.ReadToEndAsync()}");
            }
            await Task.Delay(300);
        }
    }

    private static bool StoppedGrowing(string path, ref long size)
    {
        var before = size;
        size = new FileInfo(path).Length;
        return size == before;
    }

    private static bool EndsWhole(string recording)
    {
        using var source = new RecordSource(new FileStream(recording, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return new Replay().Play(source, IEntrySink.None).StreamEndSeen;
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
