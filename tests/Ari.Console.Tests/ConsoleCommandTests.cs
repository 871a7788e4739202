using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Testing;

namespace Ari.Console.Tests;

/// <summary><c>ari console</c> as a user runs it: the frame it prints, its options, and its answers to mistakes.</summary>
public sealed class ConsoleCommandTests
{
    [Fact]
    public void A_frame_is_printed_as_the_model_draws_it()
    {
        var recording = Recordings.Stored("wakes");
        var timeline = RecordingTimeline.Open(recording);
        var expected = FrameTests.Text(ConsoleFrames.Draw(timeline, new FrameChoice(FrameView.Task, 4), timeline.Recording.Start + 12_000_000,
            new FrameOptions(new FrameSize(100, 30)))!);

        var result = AriCommand.Run("console", recording, "--frame", "task:4", "--at", "+12ms", "--size", "100x30");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Colour_follows_the_color_option_and_NO_COLOR()
    {
        var recording = Recordings.Stored("wakes");

        Assert.Contains("\e[", AriCommand.Ok("console", recording, "--frame", "tasks", "--color", "always"), StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", AriCommand.Ok("console", recording, "--frame", "tasks"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frame", "tasks, please", "--frame tasks, please: use tasks, task:ID")]
    [InlineData("--frame", "task:x", "--frame task:x: use tasks, task:ID")]
    [InlineData("--frame", "task:99", "no task with Tokio's task ID 99 was spawned by that moment")]
    [InlineData("--size", "80", "--size 80: use COLSxROWS")]
    [InlineData("--size", "10x2", "--size 10x2: use COLSxROWS, at least 20x5")]
    [InlineData("--at", "soon", "--at soon: use an RFC 3339 time")]
    [InlineData("--format", "png", "--format png: use text or svg")]
    public void A_mistake_is_one_line_and_exit_code_1(string option, string value, string message)
    {
        string[] arguments = option == "--frame"
            ? ["console", Recordings.Stored("wakes"), option, value]
            : ["console", Recordings.Stored("wakes"), "--frame", "tasks", option, value];

        var result = AriCommand.Run(arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("ari: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Without_a_frame_and_a_terminal_it_points_at_frame()
    {
        var result = AriCommand.Run("console", Recordings.Stored("wakes"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ari: ari console is interactive and stdout is not a terminal: use --frame tasks (or task:ID, resources, warnings) to print one frame\n", result.Stderr);
    }

    [Fact]
    public void A_picture_is_of_a_frame()
    {
        var result = AriCommand.Run("console", Recordings.Stored("wakes"), "--format", "svg");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("ari: --format svg writes one frame: add --frame tasks (or task:ID, resources, warnings)\n", result.Stderr);
    }

    [Fact]
    public void A_missing_file_is_a_mistake()
    {
        var result = AriCommand.Run("console", "/nonexistent/none.ari", "--frame", "tasks");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ari: cannot read /nonexistent/none.ari", result.Stderr);
    }

    [Fact]
    public void A_cut_recording_opens_up_to_the_cut_and_says_so()
    {
        var whole = File.ReadAllBytes(Recordings.Stored("wakes"));
        var cut = Examples.ScratchFile("cut.ari");
        File.WriteAllBytes(cut, whole[..(whole.Length * 2 / 3)]);

        var result = AriCommand.Run("console", cut, "--frame", "tasks");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("recording cut at byte", result.Stdout.Split('\n')[0]);
        Assert.Contains("the recording is cut at byte", result.Stderr);
    }

    [Fact]
    public void An_empty_recording_opens_with_no_tasks_and_says_it_is_empty()
    {
        var empty = Examples.ScratchFile("empty.ari");
        File.WriteAllBytes(empty, []);

        var result = AriCommand.Run("console", empty, "--frame", "tasks");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("recording empty", result.Stdout.Split('\n')[0]);
        Assert.Contains("the recording is empty", result.Stderr);
    }

    [Fact]
    public void A_damaged_recording_opens_up_to_the_damage_and_says_so()
    {
        var bytes = File.ReadAllBytes(Recordings.Stored("wakes"));
        var damaged = Examples.ScratchFile("damaged.ari");
        // Garbage from the middle on: a frame length no record has.
        Array.Fill(bytes, (byte)0xff, bytes.Length / 2, bytes.Length - (bytes.Length / 2));
        File.WriteAllBytes(damaged, bytes);

        var result = AriCommand.Run("console", damaged, "--frame", "tasks");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("recording damaged at byte", result.Stdout.Split('\n')[0]);
    }
}
