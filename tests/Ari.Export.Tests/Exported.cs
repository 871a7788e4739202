using System.Collections.Concurrent;
using Ari.Testing;
using Ari.Tokio;

namespace Ari.Export.Tests;

/// <summary>Runs an example's shared recording through an exporter, and through the analysis the commands use, to compare.</summary>
internal static class Exported
{
    private static readonly ConcurrentDictionary<string, Lazy<TokioAnalysis>> Analyses = new();

    public static string Recording(string example) => Examples.Recorded(example).Recording;

    public static void Through(string example, IRecordingExporter exporter)
    {
        Played.File(Recording(example), exporter);
        exporter.Finish();
    }

    public static TokioAnalysis Analysis(string example) => Analyses.GetOrAdd(example, name => new Lazy<TokioAnalysis>(() =>
    {
        var analysis = new TokioAnalysis();
        Played.File(Recording(name), analysis);
        analysis.Finish();
        return analysis;
    })).Value;

    public static IEnumerable<object[]> EveryExample() => Examples.All.Select(name => new object[] { name });
}
