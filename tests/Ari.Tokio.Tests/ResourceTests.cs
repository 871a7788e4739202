using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>The third article's oneshot, followed through its state updates, async op and polls.</summary>
public sealed class ResourceTests
{
    [Fact]
    public void The_oneshot_ends_with_the_value_sent_and_nothing_else_updated()
    {
        var analysis = Analyses.Of("oneshot");
        var oneshot = Assert.Single(analysis.Resources);

        Assert.Equal(("Sender|Receiver", "Sync", Examples.SourceLocation("oneshot", "tokio::sync::oneshot::channel")), (oneshot.ConcreteType, oneshot.Kind, oneshot.Location));
        Assert.Same(analysis.Task("tokio-oneshot"), oneshot.CreatedIn);
        // Tokio 1.24 reports tx_dropped/rx_dropped only when a half is dropped unused: both were used.
        Assert.Equal("tx_dropped=false, rx_dropped=false, value_sent=true, value_received=false", oneshot.State.ToString());
        Assert.Equal([1, 1, 2, 1], oneshot.State.Attributes.Select(attribute => attribute.Updates));
        Assert.NotNull(oneshot.ClosedAt);
    }

    [Fact]
    public void The_receivers_await_is_one_async_op_polled_pending_then_ready()
    {
        var oneshot = Assert.Single(Analyses.Of("oneshot").Resources);

        var op = Assert.Single(oneshot.AsyncOps);
        Assert.Equal(("Receiver::await", 2L), (op.Source, op.Polls));
        var readiness = Assert.Single(op.Readiness);
        Assert.Equal(("poll_recv", 1L, 1L), (readiness.Operation, readiness.Ready, readiness.Pending));
    }

    [Fact]
    public void The_blocking_pools_shutdown_oneshot_updates_without_a_resource_span()
    {
        var orphans = Analyses.Of("oneshot").Unattributed;

        Assert.Equal(
            ["state_update tx_dropped=true, tx_dropped.op=override", "poll_op op_name=poll_recv, is_ready=true", "state_update rx_dropped=true, rx_dropped.op=override"],
            orphans.Select(orphan => $"{Instrumentation.Name(orphan.Kind)} {orphan.Describe()}"));
    }

    [Fact]
    public void A_semaphores_permits_are_added_and_subtracted()
    {
        var analysis = Analyses.Of("wakes");
        var semaphore = Assert.Single(analysis.Resources, resource => resource.ConcreteType == "Semaphore");

        var permits = analysis.StateUpdates.Where(update => update.Owner == semaphore && update.Attribute == "permits").ToList();
        Assert.Equal(["override 1 -> 1", "sub 1 -> 0", "add 1 -> 1", "add 1 -> 2"], permits.Select(u => $"{u.Op} {u.Given} -> {u.After}"));
        var acquire = Assert.Single(semaphore.AsyncOps);
        // Tokio 1.24 writes permits_requested with the companion permits.op.
        Assert.Equal("permits_requested=1, permits_obtained=1", acquire.State.ToString());
    }

    [Fact]
    public void A_sleep_keeps_its_duration_with_the_unit()
    {
        var sleep = Assert.Single(Analyses.Of("wakes").Resources, resource => resource.ConcreteType == "Sleep");

        var duration = Assert.Single(sleep.State.Attributes);
        Assert.Equal(("duration", "ms"), (duration.Name, duration.Unit));
        Assert.InRange(duration.Value!.Value.U64, 10UL, 12UL);
    }

    [Fact]
    public void A_tracker_that_does_not_follow_resources_classifies_the_same_wakes_and_reports_no_resources()
    {
        var following = new TokioTracker();
        var notFollowing = new TokioTracker(followResources: false);
        var resourceReports = 0;
        notFollowing.ResourceEnded += _ => resourceReports++;
        notFollowing.StateUpdated += _ => resourceReports++;
        notFollowing.Unattributed += _ => resourceReports++;
        var wakes = new List<(Wake? Following, Wake? NotFollowing)>();

        Played.File(Examples.Recorded("oneshot").Recording, (entry, _) => wakes.Add((following.Observe(entry), notFollowing.Observe(entry))));
        notFollowing.Finish();

        Assert.Contains(wakes, pair => pair.Following is not null);
        Assert.All(wakes, pair => Assert.Equal(pair.Following, pair.NotFollowing));
        Assert.Equal(0, resourceReports);
        Assert.Empty(notFollowing.LiveResources);
    }

    [Fact]
    public void A_tracker_that_forgets_ended_async_ops_hands_each_out_once_before_its_resource()
    {
        var tracker = new TokioTracker();
        tracker.ForgetEndedAsyncOps();
        var handedOut = new List<AsyncOpSpan>();
        var opsAtEnd = new List<int>();
        tracker.AsyncOpEnded += handedOut.Add;
        tracker.ResourceEnded += resource =>
        {
            opsAtEnd.Add(resource.AsyncOps.Count);
            Assert.All(handedOut.Where(op => op.Resource == resource), op => Assert.True(op.IsEnded));
        };

        Played.File(Examples.Recorded("wakes").Recording, (entry, _) => tracker.Observe(entry));
        tracker.Finish();

        var acquire = Assert.Single(handedOut, op => op.Resource?.ConcreteType == "Semaphore");
        Assert.Equal("permits_requested=1, permits_obtained=1", acquire.State.ToString());
        Assert.Equal(handedOut.Count, handedOut.Distinct().Count());
        Assert.All(opsAtEnd, count => Assert.Equal(0, count));
    }
}
