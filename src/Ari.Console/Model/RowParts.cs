using System.Runtime.InteropServices;

namespace Ari.Console.Model;

/// <summary>
/// One instance of each part that many rows hold alike (a latency's buckets, a task's naming, a parent),
/// shared by every row a timeline makes, each with a number that a packed row keeps in its place
/// (<see cref="EndedRows{T}"/>): a long recording's rows of what ended live as long as the timeline, and
/// most of them repeat a few names and a few latency shapes. Shared by every copy of a replay's state,
/// as the rows are; rows are made on the console's worker and on the caller's thread.
/// </summary>
internal sealed class RowParts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong[], int> _bucketNumbers = new(new WordsComparer());
    private readonly List<ulong[]> _buckets = [];
    private readonly Dictionary<object, int> _partNumbers = [];
    private readonly List<object> _parts = [];

    /// <summary>The number of the array equal to <paramref name="words"/>: the one kept, else <paramref name="words"/>, kept from now on.</summary>
    public int NumberOf(ulong[] words)
    {
        lock (_gate)
        {
            return Number(_bucketNumbers, _buckets, words);
        }
    }

    public ulong[] BucketsAt(int number)
    {
        lock (_gate)
        {
            return _buckets[number];
        }
    }

    /// <summary>The number of the part equal to <paramref name="part"/> (a record, equal by value): the one kept, else <paramref name="part"/>.</summary>
    public int NumberOf(object part)
    {
        lock (_gate)
        {
            return Number(_partNumbers, _parts, part);
        }
    }

    public T PartAt<T>(int number)
        where T : class
    {
        lock (_gate)
        {
            return (T)_parts[number];
        }
    }

    private static int Number<T>(Dictionary<T, int> numbers, List<T> parts, T part)
        where T : notnull
    {
        if (!numbers.TryGetValue(part, out var number))
        {
            number = parts.Count;
            parts.Add(part);
            numbers.Add(part, number);
        }
        return number;
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
