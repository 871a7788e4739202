using System.Collections.Concurrent;
using Ari.Model;
using Ari.Testing;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Export.Tests;

/// <summary>Runs an example's shared recording through an exporter, and through the analysis the commands use, to compare.</summary>
internal static class Exported
{
    private static readonly ConcurrentDictionary<string, Lazy<TokioAnalysis>> Analyses = new();

    public static string Recording(string example) => Examples.Recorded(example).Recording;

    public static void Through(string example, IRecordingExporter exporter)
    {
        foreach (var (entry, replay) in Entries(Recording(example)))
        {
            exporter.Observe(entry, replay);
        }
        exporter.Finish();
    }

    public static TokioAnalysis Analysis(string example) => Analyses.GetOrAdd(example, name => new Lazy<TokioAnalysis>(() =>
    {
        var analysis = new TokioAnalysis();
        foreach (var (entry, replay) in Entries(Recording(name)))
        {
            analysis.Observe(entry, replay);
        }
        analysis.Finish();
        return analysis;
    })).Value;

    private static IEnumerable<(TraceEntry, Replay)> Entries(string path)
    {
        var replay = new Replay();
        using var source = RecordSource.OpenFile(path);
        foreach (var record in source.ReadAll())
        {
            if (replay.TryApply(record, out var entry))
            {
                yield return (entry, replay);
            }
        }
    }

    public static IEnumerable<object[]> EveryExample() => Examples.All.Select(name => new object[] { name });
}
