using Ari.Testing;
using Ari.Wire;

namespace Ari.Cli.Tests;

/// <summary>Bad input gets a clear one-line error and loses nothing that came before it.</summary>
public sealed class ShowCommandErrorTests
{
    [Fact]
    public void A_cut_recording_shows_every_record_before_the_cut_and_says_where_it_stops()
    {
        var whole = File.ReadAllBytes(Examples.Recorded("oneshot").Recording);
        var complete = InProcessAri.Run("show", Examples.Recorded("oneshot").Recording, "--format", "json");
        // Callsites come first, and are most of the first half of a short recording: cut later.
        var cutAt = whole.Length * 4 / 5;
        var cut = Examples.ScratchFile("cut.ari");
        File.WriteAllBytes(cut, whole[..cutAt]);

        var shown = InProcessAri.Run("show", cut, "--format", "json");

        Assert.Equal(ExitCodes.IncompleteRecording, shown.ExitCode);
        var lines = shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        // Batches reach the file out of order, so the records before the cut are a subset, in order.
        var all = complete.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var positions = lines.Select(line => all.IndexOf(line)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Matches(@"^ari: .*cut\.ari: the recording (is cut at byte \d+|stops at byte \d+)", shown.Stderr);
        Assert.Single(shown.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_file_the_tap_never_wrote_to_is_an_empty_recording_not_a_cut_one()
    {
        var empty = Examples.ScratchFile("empty.ari");
        File.WriteAllBytes(empty, []);

        var shown = InProcessAri.Run("show", empty);

        Assert.Equal(ExitCodes.IncompleteRecording, shown.ExitCode);
        Assert.Equal("", shown.Stdout);
        Assert.Equal($"ari: {empty}: the recording is empty (the program wrote nothing to the tap)\n", shown.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_record_out_of_order_is_shown_where_it_arrived_and_said_on_stderr()
    {
        // A real recording, written again in order, with its first enter repeated before the end: its
        // number is below the last watermark, which a correct tap never writes.
        var records = DecodedRecords.OfFile(Examples.Recorded("oneshot").Recording);
        var repeated = records.OfType<Enter>().First();
        records.Insert(records.FindIndex(record => record is StreamEnd), repeated);
        var late = Examples.ScratchFile("late.ari");
        File.WriteAllBytes(late, DecodedRecords.Recording(records));

        var shown = InProcessAri.Run("show", late, "--format", "json");
        var whole = InProcessAri.Run("show", Examples.Recorded("oneshot").Recording, "--format", "json");

        Assert.Equal(ExitCodes.Ok, shown.ExitCode);
        Assert.Equal(Lines(whole.Stdout).Length + 1, Lines(shown.Stdout).Length);
        Assert.Matches(@"^ari: .*late\.ari: 1 record came out of order \(numbered below a watermark, or with a number already seen\)", shown.Stderr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_file_that_is_not_a_recording_says_so_with_the_offset()
    {
        var garbage = Examples.ScratchFile("notes.txt");
        File.WriteAllText(garbage, "these are my notes, not a recording\n");

        var shown = InProcessAri.Run("show", garbage, "--format", "json");

        Assert.Equal(ExitCodes.BadRecording, shown.ExitCode);
        Assert.Contains("not an ari recording", shown.Stderr);
        Assert.Contains("byte 0", shown.Stderr);
        Assert.DoesNotContain("   at ", shown.Stderr);
    }

    [Fact]
    public void An_unknown_version_is_named()
    {
        var recording = File.ReadAllBytes(Examples.Recorded("spinner").Recording);
        recording[6] = 42;
        var future = Examples.ScratchFile("future.ari");
        File.WriteAllBytes(future, recording);

        var shown = AriCommand.Run("show", future, "--format", "json");

        Assert.Equal(ExitCodes.BadRecording, shown.ExitCode);
        Assert.Contains("version 42", shown.Stderr);
    }

    [Fact]
    public void A_missing_file_is_a_usage_error_without_a_stack_trace()
    {
        var shown = AriCommand.Run("show", "/no/such/recording.ari");

        Assert.Equal(ExitCodes.UsageError, shown.ExitCode);
        Assert.StartsWith("ari: cannot read /no/such/recording.ari", shown.Stderr);
        Assert.DoesNotContain("   at ", shown.Stderr);
    }
}
