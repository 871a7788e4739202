using Ari.Model;
using Ari.Views;
using BenchmarkDotNet.Attributes;

namespace Ari.Bench;

/// <summary>
/// The views alone, per entry, over entries replayed beforehand. Each invocation makes a new renderer,
/// which keeps its own spans' labels, scopes and JSON texts, so those are formatted as often as in a
/// real run, not once for all iterations.
/// </summary>
public class LineRendererBenchmarks
{
    private (TraceEntry Entry, EntryFacts Facts)[] _entries = [];

    [GlobalSetup]
    public void Load() => _entries = Sample.Entries();

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public void Plain() => Render(ViewFormat.Plain, ViewLayout.Line);

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public void Ansi() => Render(ViewFormat.Ansi, ViewLayout.Line);

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public void AnsiTree() => Render(ViewFormat.Ansi, ViewLayout.Tree);

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public void Json() => Render(ViewFormat.Json, ViewLayout.Line);

    private void Render(ViewFormat format, ViewLayout layout)
    {
        using var renderer = Renderers.Create(format, layout, Stream.Null);
        foreach (var (entry, facts) in _entries)
        {
            renderer.Render(entry, facts);
        }
    }
}
