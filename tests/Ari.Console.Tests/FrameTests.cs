using System.Text;
using Ari.Console.Frames;
using Ari.Console.Model;

namespace Ari.Console.Tests;

/// <summary>Frames of the examples' stored recordings, golden; and what every frame promises: its size, its header, its rows.</summary>
public sealed class FrameTests
{
    public static readonly TheoryData<string, string, string?> Cases = new()
    {
        { "wakes", "tasks", null },
        { "wakes", "tasks", "+1ms" },
        { "wakes", "task:4", null },
        { "wakes", "task:4", "+12ms" },
        { "oneshot", "tasks", null },
        { "oneshot", "resources", null },
        { "oneshot", "warnings", null },
        { "spinner", "tasks", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_frame_of_an_example_matches_its_golden_file(string example, string view, string? at)
    {
        var frame = Text(Draw(example, view, at, FrameSize.Default));

        GoldenFrames.Match($"{example}.{view.Replace(':', '-')}{(at is null ? "" : ".at" + at.TrimStart('+'))}", frame);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(40, 8)]
    [InlineData(200, 60)]
    public void A_frame_fits_its_size_and_keeps_its_header_and_footer(int columns, int rows)
    {
        var frame = Draw("wakes", "tasks", null, new FrameSize(columns, rows));
        var lines = Text(frame).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.InRange(lines.Length, 1, rows);
        Assert.All(lines, line => Assert.InRange(line.Length, 0, columns));
        Assert.StartsWith("ari console  wakes.ari", lines[0]);
        Assert.StartsWith("q quit", lines[^1]);
    }

    [Fact]
    public void Rows_that_do_not_fit_are_counted_below_the_table()
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored("oneshot"));
        var tasks = timeline.AtEnd.Tasks.Count;
        var frame = Text(ConsoleFrames.Draw(timeline, new FrameChoice(FrameView.Tasks), timeline.Recording.End, new FrameOptions(new FrameSize(80, 6)))!);

        // Two header lines, the column names, one row, the count of the rest, the footer.
        Assert.Contains($"… {tasks - 1} more", frame);
    }

    [Fact]
    public void Done_tasks_can_be_left_out_and_the_header_says_so()
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored("wakes"));
        var frame = Text(ConsoleFrames.Draw(timeline, new FrameChoice(FrameView.Tasks), timeline.Recording.End, new FrameOptions(FrameSize.Default, HideDone: true))!);

        Assert.Contains("2 done (hidden)", frame);
        Assert.Contains("no tasks", frame);
    }

    [Fact]
    public void Colour_comes_from_the_views_palette_and_plain_text_has_none()
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored("wakes"));
        var frame = ConsoleFrames.Draw(timeline, new FrameChoice(FrameView.Tasks), timeline.Recording.Start + 1_000_000, new FrameOptions(FrameSize.Default))!;

        Assert.DoesNotContain("\e[", Text(frame, colour: false), StringComparison.Ordinal);
        var coloured = Text(frame, colour: true);
        Assert.Contains("\e[1m", coloured, StringComparison.Ordinal);
        Assert.Contains("38;2;", coloured);
    }

    [Fact]
    public void Control_characters_in_recorded_names_are_escaped_and_other_text_is_the_same_string()
    {
        Assert.Equal("a\\u{1b}[2Jb", FrameText.Visible("a\e[2Jb"));
        Assert.Equal("tab\\u{9}and DEL\\u{7f}", FrameText.Visible("tab\tand DEL\x7f"));
        var plain = "tokio::task::spawn, src/main.rs:12:5 ✓";
        Assert.Same(plain, FrameText.Visible(plain));
    }

    internal static Frame Draw(string example, string view, string? at, FrameSize size)
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored(example));
        Assert.True(FrameChoice.TryParse(view, out var choice));
        var moment = at is null ? timeline.Recording.End
            : Ari.Views.Filtering.TimeBound.TryParse(at, out var bound) ? timeline.Resolve(bound) : throw new ArgumentException(at);
        return ConsoleFrames.Draw(timeline, choice, moment, new FrameOptions(size))!;
    }

    internal static string Text(Frame frame, bool colour = false)
    {
        using var output = new MemoryStream();
        FrameWriter.Write(frame, output, colour);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
