using Ari.Testing;
using Ari.Wire;

namespace Ari.Model.Tests;

/// <summary>A recording's bytes played through the reader and the replay as the commands do, however they arrive.</summary>
internal static class ReplayedRecording
{
    /// <summary>Entries as (seq, op, span id, parent id, thread, name) text, after reading the bytes in the given pieces.</summary>
    public static List<string> Entries(IEnumerable<ReadOnlyMemory<byte>> pieces) => Entries(pieces, Describe);

    /// <summary>The entries, each described by <paramref name="describe"/>.</summary>
    public static List<string> Entries(IEnumerable<ReadOnlyMemory<byte>> pieces, Func<TraceEntry, string> describe)
    {
        var entries = new List<string>();
        using var source = new RecordSource(new PiecesStream(pieces));
        var end = new Replay().Play(source, new EntryCallback((entry, _) => entries.Add(describe(entry))));
        Assert.Null(end.Damage);
        return entries;
    }

    public static List<string> Entries(byte[] bytes) => Entries([bytes]);

    public static string Describe(TraceEntry entry) =>
        $"{entry.Sequence} {entry.Op} {entry.Span?.Id} {entry.Parent?.Id} {entry.Thread.Index} {entry.Callsite.Name}";

    /// <summary>What a record says by itself; its parent and span name may be unknown when a cut lost the span's creation.</summary>
    public static string DescribeRecord(TraceEntry entry) =>
        $"{entry.Sequence} {entry.Op} {entry.Span?.Id} {entry.Thread.Index}";

    /// <summary>A stream whose reads end at the end of each piece, as a socket's reads end where the sender's writes did.</summary>
    private sealed class PiecesStream(IEnumerable<ReadOnlyMemory<byte>> pieces) : ForwardReadStream
    {
        private readonly IEnumerator<ReadOnlyMemory<byte>> _pieces = pieces.GetEnumerator();
        private ReadOnlyMemory<byte> _piece;

        public override int Read(Span<byte> buffer)
        {
            while (_piece.IsEmpty)
            {
                if (!_pieces.MoveNext())
                {
                    return 0;
                }
                _piece = _pieces.Current;
            }
            int read = Math.Min(buffer.Length, _piece.Length);
            _piece.Span[..read].CopyTo(buffer);
            _piece = _piece[read..];
            return read;
        }
    }
}
