using Ari.Console.Model;
using Ari.Console.Ui;
using Ari.Testing;

namespace Ari.Console.Tests.Ui;

/// <summary>The interactive console's seam in <c>ari console</c>, and a damaged recording in the console.</summary>
public sealed class ConsoleCommandTests
{
    [Fact]
    public void Without_a_terminal_it_says_so_and_points_at_frame()
    {
        var result = AriCommand.Run(["console", RealPrograms.Recorded("timers").Recording], environment: null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stdout is not a terminal", result.Stderr);
        Assert.Contains("--frame tasks", result.Stderr);
    }

    [Fact]
    public void A_frame_takes_one_recording_only()
    {
        var result = AriCommand.Run(["console", RealPrograms.Recorded("timers").Recording, "more", "--frame", "tasks"], environment: null);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("more is more than one FILE", result.Stderr);
    }

    [Fact]
    public void A_cut_recording_opens_up_to_the_cut_and_the_header_says_so()
    {
        var whole = File.ReadAllBytes(RealPrograms.Recorded("timers").Recording);
        var cut = Examples.ScratchFile("cut.ari");
        // Half its bytes, or one more where half ends a frame exactly: that recording is not cut, only
        // without the tap's end record (the header says that instead).
        var half = whole.Length / 2;
        File.WriteAllBytes(cut, whole[..half]);
        using (var halved = RecordingTimeline.Open(cut))
        {
            if (halved.Recording.Ending.Truncation is null)
            {
                File.WriteAllBytes(cut, whole[..(half + 1)]);
            }
        }

        // At the narrowest screen ari supports, with the long name a scratch file has: the name gives way.
        using var terminal = new FakeTerminal(new RecordedFeed(RecordingTimeline.Open(cut)), columns: 80, rows: 24);

        Assert.Contains("recording cut at byte", terminal.Lines[0]);
        Assert.Matches(@"^\s*ID▲\s+State", terminal.Lines[2]);
    }
}
