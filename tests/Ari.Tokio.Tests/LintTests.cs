namespace Ari.Tokio.Tests;

/// <summary>ari lint's rules, on real recordings and on hand-made streams.</summary>
public sealed class LintTests
{
    [Fact]
    public void The_oneshots_parentless_events_and_attributes_never_updated_are_tokios_own_and_shown_only_when_asked()
    {
        var recording = Testing.Examples.Recorded("oneshot").Recording;
        var findings = Analyses.OfFile(recording, options: new LintOptions { Internal = true }).Linter.Findings.ToDictionary(finding => finding.Rule);

        // A long poll depends on the machine (a cold start can take long); the rest on the program.
        Assert.Equal([LintRule.NoResourceParent, LintRule.StateNeverUpdated], findings.Keys.Where(rule => rule != LintRule.LongPoll));
        Assert.Equal(3, findings[LintRule.NoResourceParent].Count);
        Assert.Contains("tx_dropped=true", findings[LintRule.NoResourceParent].First.What);
        Assert.Equal(3, findings[LintRule.StateNeverUpdated].Count);
        Assert.Contains("tx_dropped=false", findings[LintRule.StateNeverUpdated].First.What);
        Assert.DoesNotContain(Analyses.Of("oneshot").Linter.Findings, finding => finding.Rule != LintRule.LongPoll);
    }

    [Fact]
    public void Yields_the_runtime_wakes_are_not_self_wake_warnings_but_wakes_inside_the_poll_are()
    {
        Assert.DoesNotContain(Analyses.Of("spinner").Linter.Findings, finding => finding.Rule == LintRule.SelfWakes);

        var analysis = new SyntheticTrace().Task(1, "spin")
            .Enter(1).Waker("waker.wake_by_ref", 1).Exit(1)
            .Enter(1).Waker("waker.wake_by_ref", 1).Exit(1)
            .Enter(1).Waker("waker.wake_by_ref", 1).Exit(1)
            .Poll(1).Close(1).Finish();
        var once = new SyntheticTrace().Task(1, "spin")
            .Enter(1).Waker("waker.wake_by_ref", 1).Exit(1)
            .Poll(1).Close(1).Finish();

        var finding = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.SelfWakes);
        Assert.Contains("spin (task 101)", finding.First.What);
        // One self-wake of one wake (a coop-budget yield before the end) is no busy loop.
        Assert.DoesNotContain(once.Linter.Findings, finding => finding.Rule == LintRule.SelfWakes);
    }

    [Fact]
    public void Dropping_the_last_waker_of_a_waiting_task_is_a_lost_waker()
    {
        var analysis = new SyntheticTrace().Task(1, "stuck")
            .Enter(1).Waker("waker.clone", 1).Exit(1)
            .Waker("waker.drop", 1, thread: 1)
            .Finish();

        var finding = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.LostWaker);
        Assert.Equal((1L, "worker-b#1"), (finding.Count, finding.First.Thread));
        Assert.Equal(1, analysis.Tasks[0].WakersDroppedUnwoken);
    }

    [Fact]
    public void Dropping_a_waker_inside_the_tasks_own_poll_is_not_lost()
    {
        var analysis = new SyntheticTrace().Task(1, "fine")
            .Enter(1).Waker("waker.clone", 1).Exit(1)
            .Waker("waker.wake_by_ref", 1, thread: 1)
            .Enter(1).Waker("waker.drop", 1).Exit(1).Close(1)
            .Finish();

        Assert.DoesNotContain(analysis.Linter.Findings, finding => finding.Rule == LintRule.LostWaker);
    }

    [Fact]
    public void Unbalanced_exits_and_spans_left_open_are_found_and_tokios_own_only_when_asked()
    {
        static TokioAnalysis Traced(LintOptions options) => new SyntheticTrace(options).Task(1, "a").Task(2, "b")
            .Enter(1, thread: 0).Exit(1, thread: 1)
            .Enter(2)
            .OrphanStateUpdate()
            .Finish();

        var findings = Traced(new LintOptions { Internal = true }).Linter.Findings.ToDictionary(finding => finding.Rule);

        Assert.Equal(3, findings[LintRule.UnbalancedEnterExit].Count);
        Assert.Equal(2, findings[LintRule.SpanNeverClosed].Count);
        Assert.Equal(1, findings[LintRule.NoResourceParent].Count);
        // Task spans and this state update are made by Tokio's own code (its module path).
        Assert.DoesNotContain(Traced(new LintOptions()).Linter.Findings,
            finding => finding.Rule is LintRule.UnbalancedEnterExit or LintRule.SpanNeverClosed or LintRule.NoResourceParent);
    }

    [Fact]
    public void A_long_poll_is_found_with_its_task()
    {
        // Each synthetic record is 1 µs after the previous one: this poll lasts 3 µs.
        var busy = new SyntheticTrace(new LintOptions { LongPollNanos = 2_500 })
            .Task(1, "busy").Enter(1).Waker("waker.clone", 1).Waker("waker.clone", 1).Exit(1).Close(1).Finish();
        var quick = new SyntheticTrace(new LintOptions { LongPollNanos = 3_500 })
            .Task(1, "busy").Enter(1).Waker("waker.clone", 1).Waker("waker.clone", 1).Exit(1).Close(1).Finish();

        var finding = Assert.Single(busy.Linter.Findings, finding => finding.Rule == LintRule.LongPoll);
        Assert.Contains("busy (task 101)", finding.First.What);
        Assert.Contains("3.00µs", finding.First.What);
        Assert.DoesNotContain(quick.Linter.Findings, finding => finding.Rule == LintRule.LongPoll);
    }
}
