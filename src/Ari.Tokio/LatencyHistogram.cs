namespace Ari.Tokio;

/// <summary>
/// Durations in nanoseconds, counted in log-linear buckets (each power of two split into 128 equal
/// parts, so a bucket is within 1 % of its values: two significant digits), for percentiles. Sparse: it
/// holds only the buckets that were hit, because a task keeps two while it lives and tens of thousands
/// live at once, where a dense histogram over nanoseconds to hours (HdrHistogram's) is kilobytes each.
/// The largest value is kept exactly. A struct inside its owner (<see cref="TaskLatencies"/>), so a task's
/// two cost one object and their two arrays of buckets.
/// </summary>
public struct LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int CountBits = 48;
    private const ulong CountMask = (1UL << CountBits) - 1;

    // Each hit bucket in one word, in order of bucket: its index above CountBits, its count below. One
    // array of words costs one object and no padding, where a pair of arrays or of fields costs more.
    private ulong[]? _buckets;
    private int _used;

    public long Count { readonly get; private set; }

    /// <summary>The largest value recorded, exactly; 0 when empty.</summary>
    public ulong Max { readonly get; private set; }

    // Internal: the owner records into its own field; a copy handed out (a property, a nullable) is for reading.
    internal void Record(ulong nanos)
    {
        Count++;
        Max = Math.Max(Max, nanos);
        var key = (ulong)BucketOf(nanos) << CountBits;
        _buckets ??= new ulong[2];
        var at = Find(_buckets, key);
        if (at < _used && (_buckets[at] & ~CountMask) == key)
        {
            _buckets[at]++;
            return;
        }
        if (_used == _buckets.Length)
        {
            Array.Resize(ref _buckets, _used * 2);
        }
        Array.Copy(_buckets, at, _buckets, at + 1, _used - at);
        _buckets[at] = key | 1;
        _used++;
    }

    /// <summary>
    /// The value <paramref name="percent"/> % of the values are at or below, as the highest value of its
    /// bucket but never above <see cref="Max"/>; null when empty.
    /// </summary>
    public readonly ulong? Percentile(double percent)
    {
        if (_buckets is null)
        {
            return null;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        long seen = 0;
        for (var i = 0; i < _used; i++)
        {
            seen += (long)(_buckets[i] & CountMask);
            if (seen >= rank)
            {
                return Math.Min(HighestIn((int)(_buckets[i] >> CountBits)), Max);
            }
        }
        return Max;
    }

    /// <summary>The buckets that were hit, lowest first, each with the range of values it holds: what a histogram is drawn from.</summary>
    public readonly IEnumerable<LatencyBucket> Buckets => BucketsOf(_buckets, _used);

    /// <summary>
    /// A copy that later records into this one leave as it is, for a snapshot that outlives its moment: its
    /// buckets in an array of their own, no longer than they need, which <paramref name="alike"/> may swap
    /// for an equal one it already holds (copies kept by the hundred thousand, of tasks that ended after a
    /// poll or two, are mostly alike). Only the owner records, so a copy's array is never written.
    /// </summary>
    public readonly LatencyHistogram Copy(Func<ulong[], ulong[]>? alike = null)
    {
        var copy = this;
        if (_buckets is not null)
        {
            var words = _buckets[.._used];
            copy._buckets = alike is null ? words : alike(words);
        }
        return copy;
    }

    /// <summary>
    /// The copy (<see cref="Copy"/>) whose buckets were <paramref name="words"/> (as <c>alike</c> was handed
    /// them) and whose largest value was <paramref name="max"/>: for a store that keeps copies packed, by the
    /// hundred thousand, and makes one again when it is read. Its count is its buckets' counts together.
    /// </summary>
    public static LatencyHistogram OfCopy(ulong[] words, ulong max)
    {
        long count = 0;
        foreach (var word in words)
        {
            count += (long)(word & CountMask);
        }
        return new LatencyHistogram { _buckets = words, _used = words.Length, Count = count, Max = max };
    }

    private static IEnumerable<LatencyBucket> BucketsOf(ulong[]? buckets, int used)
    {
        for (var i = 0; i < used; i++)
        {
            var bucket = (int)(buckets![i] >> CountBits);
            yield return new LatencyBucket(LowestIn(bucket), HighestIn(bucket), (long)(buckets[i] & CountMask));
        }
    }

    /// <summary>Values below <see cref="SubBuckets"/> have a bucket each; above, 128 buckets a power of two.</summary>
    private static int BucketOf(ulong nanos)
    {
        if (nanos < SubBuckets)
        {
            return (int)nanos;
        }
        var shift = 63 - System.Numerics.BitOperations.LeadingZeroCount(nanos) - SubBucketBits;
        return ((shift + 1) << SubBucketBits) + (int)(nanos >> shift) - SubBuckets;
    }

    private static ulong LowestIn(int bucket)
    {
        if (bucket < SubBuckets)
        {
            return (ulong)bucket;
        }
        var shift = (bucket >> SubBucketBits) - 1;
        return (ulong)(SubBuckets + (bucket & (SubBuckets - 1))) << shift;
    }

    private static ulong HighestIn(int bucket) =>
        bucket < SubBuckets ? (ulong)bucket : LowestIn(bucket) + ((1UL << ((bucket >> SubBucketBits) - 1)) - 1);

    /// <summary>Where <paramref name="key"/>'s bucket is, or where it goes.</summary>
    private readonly int Find(ulong[] buckets, ulong key)
    {
        int low = 0, high = _used;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if ((buckets[middle] & ~CountMask) < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
