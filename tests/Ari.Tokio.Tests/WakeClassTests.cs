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

        // The receiver waits again before main drops the last sender, so the channel's close wakes it a
        // fourth time, from main's future inside block_on (#[tokio::main], not instrumented here): main
        // is the runtime's thread then.
        Assert.Equal(4, wakes.Count);
        Assert.Equal((WakerOp.WakeByRef, new Wake(WakeClass.Self, receiver.Id, receiver.Id)), (wakes[0].Op, wakes[0].Wake));
        Assert.Equal((WakerOp.Wake, new Wake(WakeClass.Task, receiver.Id, sender.Id)), (wakes[1].Op, wakes[1].Wake));
        Assert.Equal((WakerOp.Wake, new Wake(WakeClass.Outside, receiver.Id, null)), (wakes[2].Op, wakes[2].Wake));
        Assert.NotEqual("main", wakes[2].Thread.Name);
        Assert.All(wakes.Skip(3), wake => Assert.Equal((WakeClass.Runtime, "main"), (wake.Wake.Class, wake.Thread.Name)));
        Assert.Equal(wakes.Count, analysis.Wakes.Count());
        Assert.All(wakes, wake => Assert.NotNull(wake.Latency));
        // The two waker.wake consume the clones the receiver made in its second and third polls.
        Assert.All(wakes.Skip(1), wake => Assert.Same(receiver, wake.Consumed?.ClonedIn));
    }

    [Fact]
    public void The_spinners_yield_now_is_woken_by_the_runtime_after_its_poll_not_by_itself()
    {
        var analysis = Analyses.Of("spinner");
        var task = Assert.Single(analysis.Tasks);

        var wake = Assert.Single(analysis.Wakes);

        Assert.Equal(WakerOp.Wake, wake.Op);
        // Tokio 1.24 wakes the yielded task from the worker's defer list, outside any poll (tokio#5223):
        // the stream cannot tell that from an I/O driver's wake, so it is the runtime's, never a guessed self-wake.
        Assert.Equal(new Wake(WakeClass.Runtime, task.Id, null), wake.Wake);
        Assert.Null(wake.Thread.Innermost(_ => true));
        Assert.Equal((0, 0, 1, 0), (task.SelfWakes, task.TaskWakes, task.RuntimeWakes, task.OutsideWakes));
    }

    [Fact]
    public void A_legacy_yield_is_a_self_wake_inside_the_poll()
    {
        var analysis = Analyses.Of("yields");
        var legacy = Analyses.OfFile(Testing.Examples.Record("yields", new Dictionary<string, string?> { ["ARI_YIELD"] = "legacy" }).Recording);

        Assert.Equal(new Wake(WakeClass.Runtime, analysis.Tasks[0].Id, null), Assert.Single(analysis.Wakes).Wake);
        var inside = Assert.Single(legacy.Wakes);
        Assert.Equal((WakerOp.WakeByRef, new Wake(WakeClass.Self, legacy.Tasks[0].Id, legacy.Tasks[0].Id)), (inside.Op, inside.Wake));
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
        Assert.Equal(new Wake(WakeClass.Runtime, yielder.Id, null), Assert.Single(analysis.WakesOf(yielder)).Wake);
        // A sleep whose 5 ms had passed before its first poll (a busy machine) completes without a wake.
        Assert.All(analysis.WakesOf(sleeper), wake => Assert.Equal(new Wake(WakeClass.Runtime, sleeper.Id, null), wake.Wake));
        Assert.InRange(analysis.WakesOf(sleeper).Count, 0, 1);
    }

    [Fact]
    public void On_two_workers_every_yield_and_every_timer_wake_is_the_runtimes()
    {
        var analysis = Analyses.Of("workers");
        var workers = analysis.Tasks.Where(task => task.Name.StartsWith("worker-", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, workers.Count);
        Assert.All(workers, task =>
        {
            // Both yields are woken by the worker after the poll. A sleep whose deadline passed before its
            // first poll completes without a wake, so each of the two sleeps adds a timer wake (also the
            // runtime's) and a poll, or nothing.
            Assert.Equal((0, 0, 0), (task.SelfWakes, task.TaskWakes, task.OutsideWakes));
            Assert.InRange(task.RuntimeWakes, 2, 4);
            Assert.Equal(1 + task.RuntimeWakes, task.Polls.Corrected);
        });
        Assert.Contains(workers, task => task.RuntimeWakes > 2);
        // Each waker.wake consumes a clone the woken worker made in its own poll (its yield, its sleep).
        var wakes = analysis.Wakes.Where(wake => wake.Op == WakerOp.Wake && workers.Contains(wake.Woken!)).ToList();
        Assert.Equal(workers.Sum(task => task.RuntimeWakes), wakes.Count);
        Assert.All(wakes, wake => Assert.Same(wake.Woken, wake.Consumed?.ClonedIn));
    }

    [Fact]
    public void The_oneshot_receiver_is_woken_by_the_sender_and_the_join_handle_by_the_runtime()
    {
        var analysis = Analyses.Of("oneshot");
        var main = analysis.Task("tokio-oneshot");
        var receiver = analysis.Task("receiver");
        var sender = analysis.Task("sender");

        Assert.Equal(new Wake(WakeClass.Task, receiver.Id, sender.Id), Assert.Single(analysis.WakesOf(receiver)).Wake);
        // Tokio wakes the JoinHandle's waker after the receiver's span has exited: no task is polled.
        Assert.Equal(new Wake(WakeClass.Runtime, main.Id, null), Assert.Single(analysis.WakesOf(main)).Wake);
    }

    [Fact]
    public void Later_tokios_instrumentation_gives_the_same_tasks_parents_and_four_classes()
    {
        // Tokio 1.35-1.49's callsites (parent: None, size.bytes, the blocking target), played through tracing.
        var analysis = Analyses.Of("later_tokio");
        var byTokioId = analysis.Tasks.Where(task => !task.IsRuntime).ToDictionary(task => task.TokioId!.Value);

        Assert.Equal(2, analysis.Tasks.Count(task => task.IsRuntime));
        Assert.Equal(["block_on", "task", "task", "blocking"], new ulong[] { 1, 2, 3, 4 }.Select(id => byTokioId[id].Kind));
        Assert.All(new ulong[] { 2, 3, 4 }, id => Assert.Same(byTokioId[1], byTokioId[id].Parent));
        var yielder = byTokioId[2];
        Assert.Equal(
            [new Wake(WakeClass.Self, yielder.Id, yielder.Id), new Wake(WakeClass.Runtime, yielder.Id, null),
             new Wake(WakeClass.Task, yielder.Id, byTokioId[3].Id), new Wake(WakeClass.Outside, yielder.Id, null)],
            analysis.WakesOf(yielder).Select(wake => wake.Wake));
        Assert.Equal("task 2", yielder.ToString());
        // Its Sleep is Tokio's own resource (its target is Tokio's), so its duration set once is no warning.
        Assert.DoesNotContain(analysis.Linter.Findings, finding => finding.Rule != LintRule.LongPoll);
        Assert.Equal(["tokio-runtime-worker", "tokio-runtime-worker", "tokio-runtime-worker", "outside-waker"],
            analysis.WakesOf(yielder).Select(wake => wake.Thread.Name));
    }

    [Fact]
    public void A_thread_is_the_runtimes_while_its_block_on_lives_and_the_programs_again_after()
    {
        // worker-b runs block_on (span 2) for a while, then goes on as a plain thread; task 1 lives on.
        var analysis = new SyntheticTrace().Task(1, "waiter").Task(2, "main", kind: "block_on", thread: 1)
            .Poll(2, thread: 1)
            .Waker("waker.wake_by_ref", 1, thread: 1)
            .Poll(2, thread: 1).Close(2, thread: 1)
            .Waker("waker.wake_by_ref", 1, thread: 1)
            .Finish();

        var wakes = analysis.WakesOf(analysis.Task("waiter"));
        Assert.Equal([WakeClass.Runtime, WakeClass.Outside], wakes.Select(wake => wake.Wake.Class));
    }
}
