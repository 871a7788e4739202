using System.Buffers;
using Ari.Model;
using Ari.Wire;

namespace Ari.Model.Tests;

/// <summary>A recording's bytes replayed through the decoder, merger and registry, however they arrive.</summary>
internal static class ReplayedRecording
{
    /// <summary>Entries as (seq, op, span id, parent id, thread, name) text, after feeding the bytes in the given pieces.</summary>
    public static List<string> Entries(IEnumerable<ReadOnlyMemory<byte>> pieces) => Entries(pieces, Describe);

    /// <summary>The entries, each described by <paramref name="describe"/>.</summary>
    public static List<string> Entries(IEnumerable<ReadOnlyMemory<byte>> pieces, Func<TraceEntry, string> describe)
    {
        var decoder = new WireDecoder();
        var merger = new SequenceMerger();
        var replay = new Replay();
        var entries = new List<string>();
        var pending = new List<byte>();
        foreach (var piece in pieces)
        {
            pending.AddRange(piece.Span);
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            while (decoder.TryRead(ref buffer, out var record))
            {
                merger.Add(record!);
            }
            pending = [.. buffer.ToArray()];
            Drain(merger, replay, entries, describe);
        }
        decoder.Complete(pending.Count);
        merger.Complete();
        Drain(merger, replay, entries, describe);
        return entries;
    }

    public static List<string> Entries(byte[] bytes) => Entries([bytes]);

    private static void Drain(SequenceMerger merger, Replay replay, List<string> entries, Func<TraceEntry, string> describe)
    {
        while (merger.TryTake(out var record))
        {
            if (replay.TryApply(record!, out var entry))
            {
                entries.Add(describe(entry));
            }
        }
    }

    public static string Describe(TraceEntry entry) =>
        $"{entry.Sequence} {entry.Op} {entry.Span?.Id} {entry.Parent?.Id} {entry.Thread.Index} {entry.Callsite.Name}";

    /// <summary>What a record says by itself; its parent and span name may be unknown when a cut lost the span's creation.</summary>
    public static string DescribeRecord(TraceEntry entry) =>
        $"{entry.Sequence} {entry.Op} {entry.Span?.Id} {entry.Thread.Index}";
}
