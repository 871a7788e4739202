using System.Runtime.InteropServices;

namespace Ari.Console.Model;

/// <summary>
/// One instance of each part that many rows hold alike (a latency's buckets, a task's naming, a parent),
/// shared by every row a timeline makes: a long recording's rows of what ended live as long as the
/// timeline, and most of them repeat a few names and a few latency shapes. Shared by every copy of a
/// replay's state, as the rows are; rows are made on the console's worker and on the caller's thread.
/// </summary>
internal sealed class RowParts
{
    private readonly Lock _gate = new();
    private readonly HashSet<ulong[]> _buckets = new(new WordsComparer());
    private readonly HashSet<object> _parts = [];

    /// <summary>An array equal to <paramref name="words"/>: the one kept, else <paramref name="words"/>, kept from now on.</summary>
    public ulong[] Share(ulong[] words)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(words, out var kept) ? kept : Keep(_buckets, words);
        }
    }

    /// <summary>A part equal to <paramref name="part"/> (a record, equal by value): the one kept, else <paramref name="part"/>.</summary>
    public T Share<T>(T part)
        where T : class
    {
        lock (_gate)
        {
            return _parts.TryGetValue(part, out var kept) ? (T)kept : Keep(_parts, part);
        }
    }

    private static T Keep<T, TSet>(HashSet<TSet> set, T part)
        where T : TSet
    {
        set.Add(part);
        return part;
    }

    private sealed class WordsComparer : IEqualityComparer<ulong[]>
    {
        public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(ulong[] words)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(words.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
