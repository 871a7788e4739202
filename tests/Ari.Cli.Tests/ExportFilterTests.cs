using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary><c>ari export --format perfetto</c> with the views' filters, held against <c>ari show</c>, <c>ari tasks</c> and <c>ari wakes</c> with the same filters.</summary>
public sealed class ExportFilterTests
{
    [Fact]
    public void Task_exports_that_tasks_track_its_polls_and_the_arrows_of_its_wakes()
    {
        var recording = Examples.Recorded("wakes").Recording;
        var receiver = Lines(InProcessAri.Ok("tasks", recording, "--format", "json")).Single(task => task.GetProperty("name").GetString() == "receiver");
        var id = receiver.GetProperty("id").GetUInt64();

        var trace = Export("wakes", "--task", id.ToString());

        var track = Assert.Single(trace.TrackNames, track => track.Key.Pid == 2);
        Assert.StartsWith("receiver (task ", track.Value);
        Assert.Equal(receiver.GetProperty("polls").GetProperty("raw").GetInt64(), trace.On(track.Key, "poll").Count());
        var wakes = Lines(InProcessAri.Ok("wakes", recording, "--format", "json"))
            .Where(wake => wake.GetProperty("task").GetUInt64() == id && wake.GetProperty("latency_ns").ValueKind == JsonValueKind.Number)
            .Select(wake => wake.GetProperty("latency_ns").GetUInt64()).Order();
        Assert.Equal(wakes, trace.Arrows().Select(arrow => arrow.To.At - arrow.From.At).Order());
        Assert.All(trace.Arrows(), arrow => Assert.Equal(track.Key, arrow.To.Track));
    }

    [Theory]
    [InlineData("--since", "+5ms", "--until", "+50ms")]
    [InlineData("--kind", "spawn")]
    [InlineData("--target", "tokio::task")]
    public void Thread_slices_are_the_spans_ari_show_enters_or_exits_with_the_same_filters(params string[] filters)
    {
        var recording = Examples.Recorded("workers").Recording;
        var shown = Lines(InProcessAri.Ok(["show", recording, "--format", "json", .. filters]))
            .Where(entry => entry.GetProperty("op").GetString() is "enter" or "exit")
            .Select(entry => entry.GetProperty("id").GetUInt64()).ToHashSet();

        var trace = Export("workers", filters);

        var exported = trace.Slices.Where(slice => slice.Track.Pid == 1 && slice.Category != "wake").Select(slice => slice.Args.GetProperty("id").GetUInt64()).ToHashSet();
        Assert.NotEmpty(shown);
        Assert.Equal(shown.Order(), exported.Order());
        // Every arrow has both ends: the poll a shown wake's arrow ends in comes along.
        Assert.All(trace.Flows, end => Assert.Single(trace.Flows, other => other.Id == end.Id && other.In != end.In));
    }

    [Fact]
    public void Filters_leave_out_polls_outside_them_and_keep_what_the_full_export_has()
    {
        var full = Export("workers");
        var window = Export("workers", "--since", "+5ms", "--until", "+50ms");

        var polls = full.Slices.Where(slice => slice.Category == "poll").Select(slice => slice.Start).ToHashSet();
        var kept = window.Slices.Where(slice => slice.Category == "poll").Select(slice => slice.Start).ToList();
        Assert.NotEmpty(kept);
        Assert.True(kept.Count < polls.Count);
        Assert.Subset(polls, kept.ToHashSet());
    }

    [Fact]
    public void Filters_with_another_format_are_a_mistake()
    {
        var result = InProcessAri.Run("export", Examples.Recorded("spinner").Recording, "--format", "parquet", "-o", Examples.ScratchFile("filtered"), "--task", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("apply to --format perfetto and perfetto-proto only", result.Stderr);
        Assert.Equal(0, InProcessAri.Run("export", Examples.Recorded("spinner").Recording, "--format", "perfetto-proto", "-o", Examples.ScratchFile("filtered.pftrace"), "--task", "1").ExitCode);
    }

    private static TraceEvents Export(string example, params string[] filters)
    {
        var file = Examples.ScratchFile($"{example}-{string.Join("", filters).Replace(':', '_')}.json");
        InProcessAri.Ok(["export", Examples.Recorded(example).Recording, "--format", "perfetto", "-o", file, .. filters]);
        return new TraceEvents(File.ReadAllBytes(file));
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
}
