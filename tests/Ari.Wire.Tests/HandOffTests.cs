using System.Runtime.ExceptionServices;

namespace Ari.Wire.Tests;

/// <summary>Either side of a hand-off can end it, and the other side learns why.</summary>
public class HandOffTests
{
    [Fact]
    public void A_producer_waiting_on_a_full_queue_is_let_go_when_the_consumer_stops()
    {
        var handOff = new HandOff<string>(1);
        Assert.True(handOff.Add("first"));
        bool? secondTaken = null;
        var producer = new Thread(() => secondTaken = handOff.Add("second"));
        producer.Start();

        handOff.Stop(ExceptionDispatchInfo.Capture(new IOException("the output is gone")));

        Assert.True(producer.Join(TimeSpan.FromMinutes(1)));
        Assert.False(secondTaken);
        Assert.False(handOff.TryTake(out _));
        Assert.Equal("the output is gone", Assert.Throws<IOException>(handOff.ThrowIfFailed).Message);
    }

    [Fact]
    public void A_consumer_takes_every_item_before_the_producers_failure()
    {
        var handOff = new HandOff<string>(4);
        handOff.Add("a");
        handOff.Add("b");
        handOff.Complete(ExceptionDispatchInfo.Capture(new WireFormatException("damaged", 7, null)));

        Assert.True(handOff.Take(out var first));
        Assert.True(handOff.Take(out var second));
        Assert.False(handOff.Take(out _));
        Assert.Equal(["a", "b"], [first, second]);
        Assert.Equal("damaged", Assert.Throws<WireFormatException>(handOff.ThrowIfFailed).Message);
    }
}
