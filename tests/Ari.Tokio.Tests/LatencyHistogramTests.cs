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
}
