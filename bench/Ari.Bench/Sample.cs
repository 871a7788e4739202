using System.Buffers;
using Ari.Model;
using Ari.Views;
using Ari.Wire;

namespace Ari.Bench;

/// <summary>The start of the recording <c>micro</c> was given: its bytes up to a record count, and its entries replayed.</summary>
internal static class Sample
{
    public const string PathVariable = "ARI_BENCH_RECORDING";

    public const int Records = 100_000;

    /// <summary>The header and every frame up to the <see cref="Records"/>th record.</summary>
    public static byte[] Bytes()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable)
            ?? throw new InvalidOperationException($"{PathVariable} is not set: run the benchmarks through `Ari.Bench micro RECORDING`");
        var all = File.ReadAllBytes(path);
        var buffer = new ReadOnlySequence<byte>(all);
        var decoder = new WireDecoder();
        for (var i = 0; i < Records; i++)
        {
            if (!decoder.TryReadItem(ref buffer, out _))
            {
                throw new InvalidOperationException($"{path} holds fewer than {Records} records");
            }
        }
        return all[..(int)decoder.BytesConsumed];
    }

    /// <summary>The sample's entries with their facts, as the pipeline hands them to a view.</summary>
    public static (TraceEntry Entry, EntryFacts Facts)[] Entries()
    {
        using var source = new RecordSource(new MemoryStream(Bytes(), writable: false));
        var replay = new Replay();
        var kept = new CapturingRenderer();
        var pipeline = new EntryPipeline(kept);
        foreach (ref readonly var item in source.ReadItems())
        {
            if (replay.TryApply(item, out var entry))
            {
                pipeline.Push(entry, replay);
            }
        }
        return [.. kept.Entries];
    }

    private sealed class CapturingRenderer : IEntryRenderer
    {
        public List<(TraceEntry, EntryFacts)> Entries { get; } = [];

        /// <summary>True: the captured facts feed views that show wakes.</summary>
        public bool ShowsWakes => true;

        public void Render(in TraceEntry entry, in EntryFacts facts) => Entries.Add((entry, facts));

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
