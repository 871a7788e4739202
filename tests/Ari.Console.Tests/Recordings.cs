using Ari.Console.Model;
using Ari.Model;
using Ari.Testing;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Console.Tests;

/// <summary>The recordings the console is tried on, and the whole analyses its snapshots are held against.</summary>
internal static class Recordings
{
    /// <summary>A recording of an example kept in the repository (tests/Ari.Views.Tests/Recordings), so frames of it can be golden.</summary>
    public static string Stored(string example) => Path.Combine(RepoPaths.Root, "tests", "Ari.Views.Tests", "Recordings", example + ".ari");

    /// <summary>
    /// Ari.Tokio's analysis of a recording, as the analysis commands make it, cut at <paramref name="until"/>:
    /// every task and resource kept. Cut before its end, the program went on, unless
    /// <paramref name="asIfItEndedThere"/>: then the linter also says what only a program's end can show.
    /// </summary>
    public static TokioAnalysis Analysis(string path, ulong until = ulong.MaxValue, bool asIfItEndedThere = false)
    {
        var analysis = new TokioAnalysis(parts: AnalysisParts.Tasks | AnalysisParts.Resources | AnalysisParts.Lint);
        analysis.Tracker.KeepLatencies();
        using (var source = RecordSource.OpenFile(path))
        {
            new Replay().Play(source, analysis, until);
        }
        analysis.Finish(recordingGoesOn: until != ulong.MaxValue && !asIfItEndedThere);
        return analysis;
    }

    /// <summary>Moments halfway between one task's spawn and the next one's: where the tasks alive change.</summary>
    public static IEnumerable<ulong> BetweenSpawns(TokioAnalysis whole, int most)
    {
        var spawns = whole.Tasks.Select(task => task.FirstAt).Distinct().Order().ToList();
        var between = spawns.Zip(spawns.Skip(1), (a, b) => a + ((b - a) / 2)).Where(at => at > 0).ToList();
        var step = Math.Max(1, between.Count / most);
        return between.Where((_, i) => i % step == 0).Take(most);
    }

    public static RecordingTimeline Timeline(string path) => RecordingTimeline.Open(path);
}
