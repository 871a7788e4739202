using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>Filters on real recordings, checked through JSON output, where every entry says what it is.</summary>
public sealed class ShowFilterTests
{
    private static List<JsonElement> Show(string example, params string[] options)
    {
        var shown = InProcessAri.Run(["show", Examples.Recorded(example).Recording, "--format", "json", .. options]);
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        return shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    [Fact]
    public void Kind_keeps_only_those_kinds()
    {
        var all = Show("wakes");
        var shown = Show("wakes", "--kind", "spawn", "--kind", "waker");

        Assert.NotEmpty(shown);
        Assert.All(shown, entry => Assert.Contains(entry.GetProperty("kind").GetString(), new[] { "spawn", "waker" }));
        Assert.Equal(all.Count(entry => entry.GetProperty("kind").GetString() is "spawn" or "waker"), shown.Count);
    }

    [Fact]
    public void Level_keeps_that_level_and_less_verbose_ones()
    {
        var shown = Show("fields", "--level", "debug");

        Assert.Contains(shown, entry => entry.GetProperty("level").GetString() == "DEBUG");
        Assert.Contains(shown, entry => entry.GetProperty("level").GetString() == "ERROR");
        Assert.DoesNotContain(shown, entry => entry.GetProperty("level").GetString() == "TRACE");
    }

    [Fact]
    public void Target_matches_prefixes()
    {
        var shown = Show("oneshot", "--target", "runtime::resource,tokio::task::w");

        Assert.NotEmpty(shown);
        Assert.All(shown, entry => Assert.Matches("^(runtime::resource|tokio::task::w)", entry.GetProperty("target").GetString()!));
        Assert.Contains(shown, entry => entry.GetProperty("target").GetString() == "tokio::task::waker");
    }

    [Fact]
    public void Task_keeps_its_lifecycle_what_happens_inside_and_its_wakes()
    {
        var all = Show("wakes");
        var receiver = all.First(entry => entry.GetProperty("op").GetString() == "new"
            && entry.GetProperty("fields").TryGetProperty("task.name", out var name) && name.GetString() == "receiver");
        var id = receiver.GetProperty("id").GetUInt64();

        var shown = Show("wakes", "--task", id.ToString());

        Assert.Contains(shown, entry => entry.GetProperty("op").GetString() == "close" && entry.GetProperty("id").GetUInt64() == id);
        Assert.Contains(shown, entry => entry.GetProperty("target").GetString() == "wakes" && entry.GetProperty("scope").EnumerateArray().Any(s => s.GetUInt64() == id));
        // Wakes of the task from elsewhere (another task, another thread) are in too.
        Assert.Contains(shown, entry => entry.GetProperty("kind").GetString() == "waker"
            && !entry.GetProperty("scope").EnumerateArray().Any(s => s.GetUInt64() == id));
        Assert.All(shown, entry => Assert.True(
            (entry.TryGetProperty("id", out var own) && own.GetUInt64() == id)
            || entry.GetProperty("scope").EnumerateArray().Any(s => s.GetUInt64() == id)
            || entry.GetProperty("fields").GetProperty("task.id").GetUInt64() == id,
            entry.ToString()));
    }

    [Fact]
    public void Span_keeps_the_span_and_everything_inside_it()
    {
        var shown = Show("fields", "--span", "2");

        Assert.Contains(shown, entry => entry.GetProperty("op").GetString() == "new" && entry.GetProperty("name").GetString() == "inner");
        Assert.All(shown, entry => Assert.True(
            (entry.TryGetProperty("id", out var own) && own.GetUInt64() == 2)
            || entry.GetProperty("scope").EnumerateArray().Any(s => s.GetUInt64() == 2),
            entry.ToString()));
    }

    [Fact]
    public void Since_and_until_cut_by_time_and_compose_with_other_filters()
    {
        var all = Show("wakes");
        var times = all.Select(entry => DateTimeOffset.Parse(entry.GetProperty("ts").GetString()!)).ToList();
        var middle = times[times.Count / 2];

        var late = Show("wakes", "--since", middle.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
        var early = Show("wakes", "--until", "+0ms");
        var lateWakers = Show("wakes", "--since", middle.UtcDateTime.ToString("O"), "--kind", "waker");

        Assert.Equal(times.Count(time => time >= middle), late.Count);
        Assert.All(early, entry => Assert.Equal(times[0], DateTimeOffset.Parse(entry.GetProperty("ts").GetString()!)));
        Assert.Equal(late.Count(entry => entry.GetProperty("kind").GetString() == "waker"), lateWakers.Count);
    }
}
