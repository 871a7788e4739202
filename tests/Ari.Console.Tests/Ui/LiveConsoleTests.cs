using System.Diagnostics;
using Ari.Console.Model;
using Ari.Console.Ui;
using Ari.Testing;
using Terminal.Gui.Input;

namespace Ari.Console.Tests.Ui;

/// <summary>
/// A real example run live under the console (Terminal.Gui's driver without a terminal): the console
/// follows the recording the tap writes until the program ends, and then shows all of it.
/// </summary>
public sealed class LiveConsoleTests
{
    [Fact]
    public void A_live_program_is_followed_to_its_end_and_q_quits()
    {
        var path = Examples.ScratchFile("live.ari");
        File.WriteAllBytes(path, []);
        // timers at five times its usual size: a second or more of records to follow as they come.
        _ = RealPrograms.Recorded("timers");
        var start = Processes.StartInfo(Path.Combine(RepoPaths.CargoTarget, "timers"), ["5"], new Dictionary<string, string?> { ["ARI_TAP"] = path });
        // The screen first, then the program: a cold start of the screen can outlast the program's run.
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var feed = new LiveFeed(path, ended.Task);
        using var terminal = new FakeTerminal(feed);
        using var program = Process.Start(start)!;
        var exited = program.WaitForExitAsync();
        // The console hears of the program's end only after its first screen, so that a busy machine slow
        // to draw it cannot let the program end unseen.
        terminal.Session.Refresh();
        terminal.Settle();
        var seenRunning = terminal.Lines[0].Contains("live: running");
        _ = exited.ContinueWith(_ => ended.SetResult($"exited with code {program.ExitCode}"), TaskScheduler.Default);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        // Two reads after the end: the first may have begun before the last records were in the file.
        for (var readsAfterEnd = 0; readsAfterEnd < 2 && DateTime.UtcNow < deadline;)
        {
            readsAfterEnd += ended.Task.IsCompleted ? 1 : 0;
            terminal.Session.Refresh();
            terminal.Settle();
            seenRunning |= terminal.Lines[0].Contains("live: running");
            Thread.Sleep(50);
        }

        Assert.True(seenRunning, "the console should show the program running before it ends");
        Assert.Contains("live: exited with code 0", terminal.Lines[0]);
        Assert.Contains("(end)", terminal.Lines[0]);
        var whole = RecordingTimeline.Open(path);
        Assert.Null(whole.Recording.Problem);
        Assert.StartsWith($"{whole.AtEnd.Tasks.Count} tasks:", terminal.Lines[1]);
        Assert.Equal(whole.AtEnd.Tasks.Count, terminal.Session.TaskTable().Rows.Count);
        terminal.Press(Key.Q);
        Assert.True(terminal.Session.QuitRequested);
    }

    [Fact]
    public void Space_pauses_a_live_view_and_moving_back_in_time_pauses_it_too()
    {
        var path = Examples.Recorded("workers").Recording;
        using var feed = new LiveFeed(path, Task.FromResult("exited with code 0"));
        using var terminal = new FakeTerminal(feed);
        terminal.Session.Refresh();
        terminal.Settle();

        terminal.Press(Key.Space);
        Assert.Contains("paused", terminal.Lines[0]);
        terminal.Press(Key.Space);
        Assert.DoesNotContain("paused", terminal.Lines[0]);
        terminal.Press(new Key('['));
        Assert.Contains("paused", terminal.Lines[0]);
    }

    [Fact]
    public void While_the_program_runs_the_next_read_waits_twice_as_long_as_the_last_took_and_the_read_after_its_end_goes_at_once()
    {
        var feed = new SlowFeed(Examples.Recorded("workers").Recording, TimeSpan.FromSeconds(1));
        using var terminal = new FakeTerminal(feed);

        terminal.Session.Refresh();
        terminal.Settle();
        Assert.Single(feed.Started);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (feed.Started.Count < 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
            terminal.Session.Refresh();
            terminal.Settle();
        }
        Assert.Equal(2, feed.Started.Count);
        Assert.True(Stopwatch.GetElapsedTime(feed.Finished[0], feed.Started[1]) >= TimeSpan.FromSeconds(2));

        feed.End();
        terminal.Session.Refresh();
        terminal.Settle();
        Assert.Equal(3, feed.Started.Count);
        Assert.Contains("(end)", terminal.Lines[0]);
    }

    [Fact]
    public void A_read_begun_while_the_program_ran_is_no_damaged_recording_once_it_has_ended_and_the_read_after_the_end_says_what_it_found()
    {
        // What a read that began while the program ran finds: the stream so far, cut inside a frame.
        var whole = File.ReadAllBytes(Examples.Recorded("workers").Recording);
        var path = Examples.ScratchFile("cut.ari");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
        var feed = new SlowFeed(path, TimeSpan.Zero);
        // Wide enough for the status line's every part.
        using var terminal = new FakeTerminal(feed, columns: 240);
        terminal.Session.Refresh();
        terminal.Settle();

        feed.End();
        terminal.Settle();
        Assert.Contains("live: exited with code 0", terminal.Lines[0]);
        Assert.DoesNotContain("cut at byte", terminal.Lines[0]);

        terminal.Session.Refresh();
        terminal.Settle();
        Assert.Contains("cut at byte", terminal.Lines[0]);
    }

    /// <summary>A live recording whose every read takes at least <paramref name="delay"/>, and says when each began and ended.</summary>
    private sealed class SlowFeed(string path, TimeSpan delay) : ConsoleFeed
    {
        private bool _ended;

        public List<long> Started { get; } = [];

        public List<long> Finished { get; } = [];

        public override bool IsLive => true;

        public override bool HasEnded => Volatile.Read(ref _ended);

        public override string? ProgramStatus => HasEnded ? "exited with code 0" : "running";

        public void End() => Volatile.Write(ref _ended, true);

        public override RecordingTimeline Read()
        {
            lock (Started)
            {
                Started.Add(Stopwatch.GetTimestamp());
            }
            Thread.Sleep(delay);
            var timeline = RecordingTimeline.Open(path);
            lock (Started)
            {
                Finished.Add(Stopwatch.GetTimestamp());
            }
            return timeline;
        }
    }
}
