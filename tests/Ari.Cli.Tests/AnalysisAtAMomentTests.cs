using System.Globalization;
using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// <c>--until</c> on the analysis commands: a real hyper server's recording analysed as it stood at a
/// moment between two tasks' spawns, held against what <c>ari console</c> shows at that moment and what
/// the whole recording says happened by then.
/// </summary>
public sealed class AnalysisAtAMomentTests
{
    private static readonly string Recording = RealPrograms.Recorded("http").Recording;

    [Fact]
    public void Tasks_until_a_moment_are_the_tasks_spawned_by_then_as_the_console_shows_them()
    {
        var whole = Tasks();
        foreach (var moment in MomentsBetweenSpawns(whole))
        {
            var cut = Tasks("--until", moment);
            var frame = FrameTasks(moment);

            var spawnedByThen = whole.Where(task => Time(task.GetProperty("first")) <= Time(moment)).Select(Id).Order();
            Assert.Equal(spawnedByThen, cut.Select(Id).Order());
            Assert.Equal(frame.Keys.Order(), cut.Select(Id).Order());
            Assert.All(cut, task =>
            {
                var (polls, done) = frame[Id(task)];
                Assert.Equal(polls, task.GetProperty("polls").GetProperty("corrected").GetInt32());
                Assert.Equal(done, task.GetProperty("closed").GetBoolean());
            });
        }
    }

    [Fact]
    public void Until_the_end_or_later_is_the_whole_recording()
    {
        var end = Tasks().Max(task => Time(task.GetProperty("last")));

        Assert.Equal(InProcessAri.Ok("tasks", Recording), InProcessAri.Ok("tasks", Recording, "--until", Rfc3339(end.AddSeconds(1))));
        Assert.Equal(InProcessAri.Ok("lint", Recording), InProcessAri.Ok("lint", Recording, "--until", "+1h"));
    }

    [Fact]
    public void A_cut_before_the_end_is_not_a_damaged_recording_and_a_bad_time_is_a_clear_error()
    {
        var cut = InProcessAri.Run("resources", Recording, "--until", "+1ms");
        Assert.Equal(0, cut.ExitCode);
        Assert.Equal("", cut.Stderr);

        var bad = InProcessAri.Run("wakes", Recording, "--until", "soon");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--until soon: use an RFC 3339 time", bad.Stderr);
        Assert.DoesNotContain("   at ", bad.Stderr);
    }

    /// <summary>Moments halfway between consecutive spawns at least 10 µs apart, a few spread over the recording.</summary>
    private static List<string> MomentsBetweenSpawns(List<JsonElement> tasks)
    {
        var spawns = tasks.Select(task => Time(task.GetProperty("first"))).Order().ToList();
        var gaps = spawns.Zip(spawns.Skip(1)).Where(pair => pair.Second - pair.First >= TimeSpan.FromMicroseconds(10)).ToList();
        Assert.True(gaps.Count >= 4, $"only {gaps.Count} gaps between spawns");
        return [.. Enumerable.Range(0, 4).Select(i => gaps[i * (gaps.Count - 1) / 3]).Select(pair => Rfc3339(pair.First + (pair.Second - pair.First) / 2))];
    }

    /// <summary>The console's tasks frame at the moment: each task's ID, polls, and whether it is done.</summary>
    private static Dictionary<ulong, (int Polls, bool Done)> FrameTasks(string moment)
    {
        var lines = InProcessAri.Ok("console", Recording, "--frame", "tasks", "--at", moment, "--size", "200x2000").Split('\n');
        var header = Array.FindIndex(lines, line => line.StartsWith("ID "));
        var pollsEnd = lines[header].IndexOf("Polls", StringComparison.Ordinal) + "Polls".Length;
        return lines.Skip(header + 1).TakeWhile(line => line.Length > pollsEnd && char.IsDigit(line.TrimStart()[0]))
            .ToDictionary(
                line => ulong.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture),
                line => (int.Parse(line[..pollsEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture),
                    line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == "done"));
    }

    private static List<JsonElement> Tasks(params string[] options) =>
        [.. InProcessAri.Ok(["tasks", Recording, "--format", "json", .. options]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static ulong Id(JsonElement task) => task.GetProperty("task_id").GetUInt64();

    private static DateTimeOffset Time(JsonElement time) => Time(time.GetString()!);

    private static DateTimeOffset Time(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
}
