namespace Ari.Tokio.Tests;

/// <summary>The extra enter/exit tracing's Instrumented makes before close (tracing#2562) is not a poll.</summary>
public sealed class PollCounterTests
{
    [Fact]
    public void A_pair_before_close_with_no_wake_since_the_last_poll_is_the_drop()
    {
        var task = new SyntheticTrace().Task(1, "t").Poll(1).Poll(1).Close(1).Finish().Tasks[0];

        Assert.Equal((2, 1, 1), (task.Polls.Raw, task.Polls.Corrected, task.Polls.DropPairs));
    }

    [Fact]
    public void A_pair_after_a_wake_is_a_real_poll()
    {
        var task = new SyntheticTrace().Task(1, "t").Enter(1).Waker("waker.wake_by_ref", 1).Exit(1).Poll(1).Close(1).Finish().Tasks[0];

        Assert.Equal((2, 2), (task.Polls.Raw, task.Polls.Corrected));
    }

    [Fact]
    public void A_woken_task_that_completes_and_is_dropped_counts_every_real_poll()
    {
        var task = new SyntheticTrace().Task(1, "t").Enter(1).Waker("waker.clone", 1).Exit(1)
            .Waker("waker.wake", 1, thread: 1).Poll(1).Poll(1).Close(1).Finish().Tasks[0];

        Assert.Equal((3, 2), (task.Polls.Raw, task.Polls.Corrected));
    }

    [Fact]
    public void A_single_poll_is_never_the_drop()
    {
        var task = new SyntheticTrace().Task(1, "t").Poll(1).Close(1).Finish().Tasks[0];

        Assert.Equal((1, 1), (task.Polls.Raw, task.Polls.Corrected));
    }

    [Fact]
    public void Block_on_is_woken_through_an_uninstrumented_parker_so_it_is_never_corrected()
    {
        var task = new SyntheticTrace().Task(1, "main", kind: "block_on").Poll(1).Poll(1).Poll(1).Close(1).Finish().Tasks[0];

        Assert.Equal((3, 3), (task.Polls.Raw, task.Polls.Corrected));
    }

    [Fact]
    public void Reentering_a_span_already_entered_is_not_another_poll()
    {
        var task = new SyntheticTrace().Task(1, "t").Enter(1).Enter(1).Exit(1).Exit(1).Close(1).Finish().Tasks[0];

        Assert.Equal(1, task.Polls.Raw);
    }

    [Fact]
    public void Reused_span_ids_are_different_tasks()
    {
        var tasks = new SyntheticTrace().Task(1, "first").Poll(1).Close(1).Task(1, "second").Enter(1).Waker("waker.wake_by_ref", 1).Exit(1).Poll(1).Close(1).Finish().Tasks;

        Assert.Equal(["first", "second"], tasks.Select(task => task.Name));
        Assert.Equal((0L, 1L), (tasks[0].Wakes, tasks[1].SelfWakes));
    }
}
