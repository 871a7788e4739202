using Ari.Testing;
namespace Ari.Tokio.Tests;

/// <summary>Poll counts, parents and times per task on real recordings.</summary>
public sealed class TaskStatsTests
{
    [Fact]
    public void Each_task_of_the_wakes_program_is_polled_as_often_as_it_is_woken_plus_once()
    {
        var analysis = Analyses.Of("wakes");
        var receiver = analysis.Task("receiver");

        Assert.Equal((receiver.Wakes + 1, receiver.Wakes + 1), (receiver.Polls.Raw, receiver.Polls.Corrected));
        Assert.Equal((1, 1), (analysis.Task("sender-task").Polls.Raw, analysis.Task("sender-task").Polls.Corrected));
        Assert.All(analysis.Tasks, task => Assert.True(task.IsClosed));
    }

    [Fact]
    public void Tasks_spawned_inside_a_task_have_it_as_parent()
    {
        var analysis = Analyses.Of("oneshot");
        var main = analysis.Task("tokio-oneshot");

        Assert.Null(main.Parent);
        Assert.Same(main, analysis.Task("receiver").Parent);
        Assert.Same(main, analysis.Task("sender").Parent);
        Assert.Equal((2, 2, 1), (main.Polls.Corrected, analysis.Task("receiver").Polls.Corrected, analysis.Task("sender").Polls.Corrected));
        Assert.Equal(Examples.SourceLocation("oneshot", "spawn_named(\"receiver\""), analysis.Task("receiver").Location);
    }

    [Fact]
    public void Tasks_spawned_inside_block_on_have_the_block_on_span_as_parent()
    {
        var analysis = Analyses.Of("handoff");
        var blockOn = Assert.Single(analysis.Tasks, task => task.Kind == "block_on");

        Assert.All(analysis.Tasks.Where(task => !task.IsRuntime && task != blockOn), task => Assert.Same(blockOn, task.Parent));
    }

    [Fact]
    public void Busy_scheduled_and_idle_add_up_to_the_tasks_life()
    {
        var receiver = Analyses.Of("wakes").Task("receiver");

        Assert.Equal(receiver.LastAt - receiver.FirstAt, receiver.BusyNanos + receiver.ScheduledNanos + receiver.IdleNanos);
        Assert.True(receiver.IdleNanos >= 10_000_000, "the receiver waits for the 10 ms sleeps");
        Assert.Equal(1.0 / receiver.Wakes, receiver.SelfWakeShare, 6);
    }

    [Fact]
    public void The_oneshot_receivers_waker_is_cloned_woken_by_reference_and_dropped()
    {
        var receiver = Analyses.Of("oneshot").Task("receiver");

        Assert.Equal((1, 1, 0, 0), (receiver.WakerClones, receiver.WakerDrops, receiver.WakersDroppedUnwoken, receiver.OutstandingWakers));
    }

    [Fact]
    public void Clones_are_consumed_oldest_first_and_a_wake_by_ref_marks_the_oldest_waiting()
    {
        var trace = new SyntheticTrace().Task(1, "t").Enter(1)
            .Waker("waker.clone", 1).Waker("waker.clone", 1).Waker("waker.clone", 1).Exit(1);
        var wake = trace.Waker("waker.wake", 1, thread: 1);
        var task = trace.Analysis.Tracker.FindTask(1)!;
        Assert.Equal((3, 2), (task.WakerClones, task.OutstandingWakers));

        // The wake took the first clone; the second is now the oldest, and the wake_by_ref uses it.
        wake.Poll(1).Waker("waker.wake_by_ref", 1, thread: 1).Waker("waker.drop", 1, thread: 1).Waker("waker.drop", 1, thread: 1);

        Assert.Equal((2, 1, 0), (task.WakerDrops, task.WakersDroppedUnwoken, task.OutstandingWakers));
    }
}
