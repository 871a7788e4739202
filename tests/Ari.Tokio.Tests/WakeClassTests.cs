using Ari.Testing;
namespace Ari.Tokio.Tests;

/// <summary>Wake classes on real recordings whose programs say who wakes whom.</summary>
public sealed class WakeClassTests
{
    [Fact]
    public void The_receiver_is_woken_by_itself_then_by_the_sender_task_then_from_a_plain_thread()
    {
        var analysis = Analyses.Of("wakes");
        var receiver = analysis.Task("receiver");
        var sender = analysis.Task("sender-task");

        var wakes = analysis.WakesOf(receiver);

        // When the receiver waits again before main drops the last sender, the channel's close wakes
        // it a fourth time, from main's block_on (not instrumented here): from outside.
        Assert.InRange(wakes.Count, 3, 4);
        Assert.Equal((WakerOp.WakeByRef, new Wake(WakeClass.Self, receiver.Id, receiver.Id)), (wakes[0].Op, wakes[0].Wake));
        Assert.Equal((WakerOp.Wake, new Wake(WakeClass.Task, receiver.Id, sender.Id)), (wakes[1].Op, wakes[1].Wake));
        Assert.Equal((WakerOp.Wake, new Wake(WakeClass.Outside, receiver.Id, null)), (wakes[2].Op, wakes[2].Wake));
        Assert.All(wakes.Skip(3), wake => Assert.Equal((WakeClass.Outside, "main"), (wake.Wake.Class, wake.Thread.Name)));
        Assert.Equal(wakes.Count, analysis.Wakes.Count());
        Assert.All(wakes, wake => Assert.NotNull(wake.Latency));
        // The two waker.wake consume the clones the receiver made in its second and third polls.
        Assert.All(wakes.Skip(1), wake => Assert.Same(receiver, wake.Consumed?.ClonedIn));
    }

    [Fact]
    public void The_spinners_yield_now_is_its_own_deferred_self_wake()
    {
        var analysis = Analyses.Of("spinner");
        var task = Assert.Single(analysis.Tasks);

        var wake = Assert.Single(analysis.Wakes);

        Assert.Equal(WakerOp.Wake, wake.Op);
        Assert.Equal(new Wake(WakeClass.Self, task.Id, task.Id, Deferred: true), wake.Wake);
        Assert.Null(wake.Thread.Innermost(_ => true));
        Assert.Equal((1, 1, 0, 0), (task.SelfWakes, task.DeferredSelfWakes, task.TaskWakes, task.OutsideWakes));
    }

    [Fact]
    public void A_legacy_yield_is_a_self_wake_inside_the_poll()
    {
        var analysis = Analyses.Of("yields");
        var legacy = Analyses.OfFile(Testing.Examples.Record("yields", new Dictionary<string, string?> { ["ARI_YIELD"] = "legacy" }).Recording);

        Assert.Equal(new Wake(WakeClass.Self, analysis.Tasks[0].Id, analysis.Tasks[0].Id, Deferred: true), Assert.Single(analysis.Wakes).Wake);
        var inside = Assert.Single(legacy.Wakes);
        Assert.Equal((WakerOp.WakeByRef, WakeClass.Self, false), (inside.Op, inside.Wake.Class, inside.Wake.Deferred));
    }

    [Fact]
    public void On_a_runtime_built_after_the_subscriber_worker_spans_are_not_tasks_and_a_blocking_task_is()
    {
        var analysis = Analyses.Of("handoff");
        var waiter = analysis.Task("waiter");
        var yielder = analysis.Task("yielder");
        var sleeper = analysis.Task("sleeper");
        var blocking = Assert.Single(analysis.Tasks, task => task.Kind == "blocking" && !task.IsRuntime);

        Assert.Equal(2, analysis.Tasks.Count(task => task.IsRuntime));
        Assert.EndsWith(Examples.SourceLocation("handoff", "tokio::task::spawn_blocking("), blocking.Location);
        Assert.Equal(new Wake(WakeClass.Task, waiter.Id, blocking.Id), Assert.Single(analysis.WakesOf(waiter)).Wake);
        Assert.Equal(new Wake(WakeClass.Self, yielder.Id, yielder.Id, Deferred: true), Assert.Single(analysis.WakesOf(yielder)).Wake);
        Assert.Equal(new Wake(WakeClass.Outside, sleeper.Id, null), Assert.Single(analysis.WakesOf(sleeper)).Wake);
    }

    [Fact]
    public void On_two_workers_every_yield_is_deferred_and_every_timer_wake_is_from_outside()
    {
        var analysis = Analyses.Of("workers");
        var workers = analysis.Tasks.Where(task => task.Name.StartsWith("worker-", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, workers.Count);
        Assert.All(workers, task =>
        {
            // Both yields are deferred self-wakes. A sleep whose deadline passed before its first poll
            // completes without a wake, so each of the two sleeps adds a timer wake (from outside) and
            // a poll, or nothing.
            Assert.Equal((2, 2, 0), (task.SelfWakes, task.DeferredSelfWakes, task.TaskWakes));
            Assert.InRange(task.OutsideWakes, 0, 2);
            Assert.Equal(3 + task.OutsideWakes, task.Polls.Corrected);
        });
        Assert.Contains(workers, task => task.OutsideWakes > 0);
        Assert.All(analysis.Wakes.Where(wake => wake.Wake.Deferred), wake => Assert.Same(wake.Woken, wake.Consumed?.ClonedIn));
    }

    [Fact]
    public void The_oneshot_receiver_is_woken_by_the_sender_and_the_join_handle_from_outside()
    {
        var analysis = Analyses.Of("oneshot");
        var main = analysis.Task("tokio-oneshot");
        var receiver = analysis.Task("receiver");
        var sender = analysis.Task("sender");

        Assert.Equal(new Wake(WakeClass.Task, receiver.Id, sender.Id), Assert.Single(analysis.WakesOf(receiver)).Wake);
        // Tokio wakes the JoinHandle's waker after the receiver's span has exited: no task is polled.
        Assert.Equal(new Wake(WakeClass.Outside, main.Id, null), Assert.Single(analysis.WakesOf(main)).Wake);
    }
}
