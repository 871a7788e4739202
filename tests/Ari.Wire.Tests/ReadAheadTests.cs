namespace Ari.Wire.Tests;

/// <summary>Reading ahead on another thread must not change what a reader sees, even when it stops early or the source fails.</summary>
public class ReadAheadTests
{
    [Fact]
    public void Every_item_arrives_in_order()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), new ReadAhead<int>(Enumerable.Range(0, 10_000)).Items());
    }

    [Fact]
    public void A_failing_source_fails_after_every_item_before_the_failure()
    {
        var seen = new List<int>();
        var failure = Assert.Throws<WireFormatException>(() =>
        {
            foreach (int item in new ReadAhead<int>(FailingAfter(2500)).Items())
            {
                seen.Add(item);
            }
        });

        Assert.Equal(Enumerable.Range(0, 2500), seen);
        Assert.Equal("damaged after 2500", failure.Message);
    }

    [Fact]
    public void Stopping_early_stops_the_producer_and_disposes_the_source()
    {
        var source = new Endless();
        Assert.Equal(Enumerable.Range(0, 3000), new ReadAhead<int>(source).Items().Take(3000));
        Assert.True(source.Disposed);
    }

    [Fact]
    public void Disposing_before_taking_any_item_stops_the_producer_and_disposes_the_source()
    {
        var source = new Endless();
        new ReadAhead<int>(source).Dispose();
        Assert.True(source.Disposed);
    }

    private static IEnumerable<int> FailingAfter(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new WireFormatException($"damaged after {count}", count, null);
    }

    /// <summary>An endless source that notes when the producer disposes it.</summary>
    private sealed class Endless : IEnumerable<int>
    {
        public bool Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
