namespace Ari.Tokio.Tests;

/// <summary>The log-bucketed histogram behind the percentiles: two significant digits, the largest value exact.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void An_empty_histogram_has_no_percentiles()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal((0L, 0UL), (histogram.Count, histogram.Max));
        Assert.Null(histogram.Percentile(50));
        Assert.Null(histogram.Percentile(100));
    }

    [Fact]
    public void Values_below_128_are_exact_and_larger_ones_within_one_percent_and_never_above_the_max()
    {
        var histogram = new LatencyHistogram();
        var values = Enumerable.Range(1, 1000).Select(i => (ulong)i * (ulong)i * 7919).Prepend(5UL).Prepend(0UL).ToList();
        // Out of order, so that buckets are inserted between others.
        foreach (var value in values.OrderBy(value => value % 13))
        {
            histogram.Record(value);
        }

        var sorted = values.Order().ToList();
        Assert.Equal(((long)values.Count, sorted[^1]), (histogram.Count, histogram.Max));
        Assert.Equal(sorted[^1], histogram.Percentile(100));
        Assert.Equal(0UL, histogram.Percentile(0));
        foreach (var percent in new[] { 1.0, 10, 50, 90, 99, 99.9 })
        {
            var exact = sorted[(int)Math.Ceiling(percent / 100 * sorted.Count) - 1];
            var reported = histogram.Percentile(percent)!.Value;
            Assert.InRange(reported, exact, Math.Min(sorted[^1], exact + exact / 128));
        }
    }

    [Fact]
    public void The_largest_durations_fit_their_buckets()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(ulong.MaxValue);
        histogram.Record(ulong.MaxValue - 1);
        histogram.Record(1UL << 63);

        Assert.Equal(((1UL << 63) | ((1UL << 56) - 1)), histogram.Percentile(30));
        Assert.Equal(ulong.MaxValue, histogram.Percentile(50));
    }

    [Fact]
    public void The_buckets_hold_every_value_in_their_ranges_lowest_first()
    {
        var histogram = new LatencyHistogram();
        var values = new ulong[] { 3, 3, 127, 128, 129, 1000, 1003, 5_000_000, ulong.MaxValue };
        foreach (var value in values.Reverse())
        {
            histogram.Record(value);
        }

        var buckets = histogram.Buckets.ToList();
        Assert.Equal(histogram.Count, buckets.Sum(bucket => bucket.Count));
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.True(pair.First.Highest < pair.Second.Lowest));
        Assert.All(values, value => Assert.Single(buckets, bucket => bucket.Lowest <= value && value <= bucket.Highest));
        Assert.Equal(new LatencyBucket(3, 3, 2), buckets[0]);
        Assert.Equal(ulong.MaxValue, buckets[^1].Highest);
        Assert.Empty(new LatencyHistogram().Buckets);
    }

    [Fact]
    public void A_copy_keeps_its_moment_while_the_histogram_records_on()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_000);
        histogram.Record(3_000);
        var copy = histogram.Copy();

        histogram.Record(2_000);
        histogram.Record(1_000);
        histogram.Record(9_000);

        var later = histogram.Copy();
        histogram.Record(1_000);
        histogram.Record(5_000);

        Assert.Equal((2L, 3_000UL), (copy.Count, copy.Max));
        Assert.Equal([1L, 1L], copy.Buckets.Select(bucket => bucket.Count));
        Assert.Equal(3_000UL, copy.Percentile(100));
        Assert.Equal([2L, 1L, 1L, 1L], later.Buckets.Select(bucket => bucket.Count));
        Assert.Equal([3L, 1L, 1L, 1L, 1L], histogram.Buckets.Select(bucket => bucket.Count));
    }
}
