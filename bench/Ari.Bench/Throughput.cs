using System.Diagnostics;
using Ari.Model;
using Ari.Views;
using Ari.Wire;

namespace Ari.Bench;

/// <summary>
/// Each stage of <c>ari show</c>, cumulatively, over a recording held in memory (so the figures are the
/// reader's, not the disk's): decode and merge, then the replay, then Tokio's tracker (the whole pipeline
/// without output), then the plain and JSON views. Each stage is run once to warm the JIT, then
/// <c>runs</c> times; the median rate is printed as <c>name&lt;TAB&gt;per second</c>.
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
        foreach (var (name, stage) in stages)
        {
            stage(bytes);
            var rates = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var count = stage(bytes);
                rates[i] = count / clock.Elapsed.TotalSeconds;
            }
            Array.Sort(rates);
            Console.WriteLine($"{name}\t{rates[runs / 2]:F0}");
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

    private static long Replay(byte[] bytes)
    {
        using var source = Open(bytes);
        var replay = new Replay();
        foreach (var item in source.ReadItems())
        {
            replay.TryApply(item, out _);
        }
        return replay.Entries;
    }

    private static long Analyse(byte[] bytes)
    {
        using var source = Open(bytes);
        var replay = new Replay();
        var pipeline = new EntryPipeline(new DiscardingRenderer());
        foreach (var item in source.ReadItems())
        {
            if (replay.TryApply(item, out var entry))
            {
                pipeline.Push(entry, replay);
            }
        }
        return replay.Entries;
    }

    private static long Render(byte[] bytes, ViewFormat format)
    {
        using var source = Open(bytes);
        var replay = new Replay();
        var output = new LineCountingStream();
        using (var renderer = Renderers.Create(format, ViewLayout.Line, output))
        {
            var pipeline = new EntryPipeline(renderer);
            foreach (var item in source.ReadItems())
            {
                if (replay.TryApply(item, out var entry))
                {
                    pipeline.Push(entry, replay);
                }
            }
        }
        return output.Lines;
    }
}
