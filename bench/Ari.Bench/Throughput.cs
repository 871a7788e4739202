using System.Diagnostics;
using Ari.Model;
using Ari.Views;
using Ari.Wire;

namespace Ari.Bench;

/// <summary>
/// Each stage of <c>ari show</c>, cumulatively, over a recording held in memory (so the figures are the
/// reader's, not the disk's): decode and merge, then the replay, then Tokio's tracker (the whole pipeline
/// without output), then the plain and JSON views. Each stage is run once to warm the JIT, then all
/// stages in turn, <c>runs</c> rounds; each stage's median rate is printed as <c>name&lt;TAB&gt;per second</c>.
/// </summary>
public static class Throughput
{
    public static int Run(string path, int runs)
    {
        var bytes = File.ReadAllBytes(path);
        (string Name, Func<byte[], long> Stage)[] stages =
        [
            ("decode + merge (records/s)", DecodeAndMerge),
            ("+ replay (records/s)", Replay),
            ("+ Tokio tracker, no output (records/s)", Analyse),
            ("plain line view (lines/s)", data => Render(data, ViewFormat.Plain)),
            ("ANSI line view (lines/s)", data => Render(data, ViewFormat.Ansi)),
            ("JSON lines (lines/s)", data => Render(data, ViewFormat.Json)),
        ];
        foreach (var (_, stage) in stages)
        {
            stage(bytes);
        }
        // Interleaved, a round of every stage at a time: a slow spell of the shared machine then slows
        // every stage a little rather than one stage a lot.
        var rates = new double[stages.Length][];
        for (var s = 0; s < stages.Length; s++)
        {
            rates[s] = new double[runs];
        }
        for (var i = 0; i < runs; i++)
        {
            for (var s = 0; s < stages.Length; s++)
            {
                var clock = Stopwatch.StartNew();
                var count = stages[s].Stage(bytes);
                rates[s][i] = count / clock.Elapsed.TotalSeconds;
            }
        }
        for (var s = 0; s < stages.Length; s++)
        {
            Array.Sort(rates[s]);
            System.Console.WriteLine($"{stages[s].Name}\t{rates[s][runs / 2]:F0}");
        }
        return 0;
    }

    private static RecordSource Open(byte[] bytes) => new(new MemoryStream(bytes, writable: false));

    private static long DecodeAndMerge(byte[] bytes)
    {
        using var source = Open(bytes);
        long records = 0;
        foreach (var _ in source.ReadItems())
        {
            records++;
        }
        return records;
    }

    private static long Replay(byte[] bytes) => Play(bytes, IEntrySink.None).Entries;

    private static long Analyse(byte[] bytes) => Play(bytes, new EntryPipeline(new DiscardingRenderer())).Entries;

    private static long Render(byte[] bytes, ViewFormat format)
    {
        var output = new LineCountingStream();
        using (var renderer = Renderers.Create(format, ViewLayout.Line, output))
        {
            Play(bytes, new EntryPipeline(renderer));
        }
        return output.Lines;
    }

    /// <summary>The one read-and-replay call the commands make.</summary>
    private static RecordingEnd Play(byte[] bytes, IEntrySink sink)
    {
        using var source = Open(bytes);
        return new Model.Replay().Play(source, sink);
    }
}
