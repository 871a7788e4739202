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
        var end = WireFormat.HeaderLength;
        // Every frame is a record, but the Batch frames that open a run of one thread's callbacks.
        for (var records = 0; records < Records;)
        {
            if (end == all.Length)
            {
                throw new InvalidOperationException($"{path} holds fewer than {Records} records");
            }
            Varint.TryRead(all.AsSpan(end), out var length, out var prefix);
            records += all[end + prefix] == (byte)RecordKind.Batch ? 0 : 1;
            end += prefix + (int)length;
        }
        return all[..end];
    }

    /// <summary>The sample's entries with their facts, as the pipeline hands them to a view.</summary>
    public static (TraceEntry Entry, EntryFacts Facts)[] Entries()
    {
        using var source = new RecordSource(new MemoryStream(Bytes(), writable: false));
        var kept = new CapturingRenderer();
        new Replay().Play(source, new EntryPipeline(kept));
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
