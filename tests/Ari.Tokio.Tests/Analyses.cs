using System.Collections.Concurrent;
using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>The analysis of an example's shared recording, made once per test run.</summary>
internal static class Analyses
{
    private static readonly ConcurrentDictionary<string, Lazy<TokioAnalysis>> Done = new();

    public static TokioAnalysis Of(string example) =>
        Done.GetOrAdd(example, name => new Lazy<TokioAnalysis>(() => OfFile(Examples.Recorded(name).Recording))).Value;

    /// <summary>The analysis of a real program's shared recording (examples/real), made once per test run.</summary>
    public static TokioAnalysis OfReal(string program) =>
        Done.GetOrAdd("real/" + program, _ => new Lazy<TokioAnalysis>(() => OfFile(RealPrograms.Recorded(program).Recording))).Value;

    public static TokioAnalysis OfFile(string path, AnalysisParts parts = AnalysisParts.All, Action<TokioAnalysis>? listen = null, LintOptions? options = null)
    {
        var analysis = new TokioAnalysis(options, parts: parts);
        listen?.Invoke(analysis);
        Played.File(path, analysis);
        analysis.Finish();
        return analysis;
    }

    public static TaskSpan Task(this TokioAnalysis analysis, string name) => Assert.Single(analysis.Tasks, task => task.Name == name);

    public static List<WakeReport> WakesOf(this TokioAnalysis analysis, TaskSpan task) =>
        analysis.Wakes.Where(report => ReferenceEquals(report.Woken, task)).ToList();
}
