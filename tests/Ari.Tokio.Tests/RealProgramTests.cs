using Ari.Testing;

namespace Ari.Tokio.Tests;

/// <summary>
/// ari's analysis of the real programs in examples/real, held against what each program counted itself
/// without tracing (examples/real/README.md says why each claim holds). Long polls depend on how busy the
/// machine is, so fault-free programs are checked for every other rule.
/// </summary>
public sealed class RealProgramTests
{
    public static readonly TheoryData<string> FaultFree = ["http", "framed", "timers", "sync", "blocking", "joinset", "local", "outside_wake", "self_wake"];

    public static readonly TheoryData<string> All =
        ["http", "framed", "timers", "sync", "blocking", "joinset", "local", "outside_wake", "self_wake",
         "lost_waker", "busy_self_wake", "blocking_poll", "state_never_updated"];

    [Theory]
    [MemberData(nameof(All))]
    public void Every_task_the_program_spawned_is_found_and_closed(string program)
    {
        var (run, analysis) = Analyzed(program);
        var spawned = analysis.Tasks.Where(task => !task.IsRuntime && task.Kind != "block_on").ToList();

        Assert.Equal(run.Count("tasks_spawned"), spawned.Count);
        Assert.All(analysis.Tasks, task => Assert.True(task.IsClosed, $"{task} is not closed"));
        Assert.Equal(run.Flag("main_task_visible") ? 1 : 0, analysis.Tasks.Count(task => task.Kind == "block_on"));
    }

    /// <summary>
    /// The programs that prove how many self-wakes they make. Not http, whose hyper may yield by waking
    /// its own task inside its poll (its dispatcher, after 16 rounds), nor sync, where an RwLock writer now and
    /// then wakes itself inside the lock's semaphore acquire (3 of 20 runs): true self-wakes neither counts.
    /// </summary>
    public static readonly TheoryData<string> SelfWakesProven =
        ["framed", "timers", "blocking", "joinset", "local", "outside_wake", "self_wake",
         "lost_waker", "busy_self_wake", "blocking_poll", "state_never_updated"];

    [Theory]
    [MemberData(nameof(SelfWakesProven))]
    public void No_wake_is_called_a_self_wake_unless_the_task_made_it_in_its_own_poll(string program)
    {
        var (run, analysis) = Analyzed(program);

        var selfWakes = analysis.Wakes.Count(wake => wake.IsWake && wake.Wake.Class == WakeClass.Self);

        var proven = run.Has("self_wakes") ? run.Count("self_wakes") : run.Has("in_poll_self_wakes") ? run.Count("in_poll_self_wakes") : 0;
        Assert.Equal(proven, selfWakes);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Wakes_on_runtime_threads_are_never_outside_and_outside_wakes_come_from_the_programs_own_threads(string program)
    {
        var (run, analysis) = Analyzed(program);
        var wakes = analysis.Wakes.Where(wake => wake.IsWake).ToList();

        Assert.DoesNotContain(wakes, wake => wake.Wake.Class == WakeClass.Outside && wake.Thread.Name is "tokio-runtime-worker" or "main");
        var outside = wakes.Count(wake => wake.Wake.Class == WakeClass.Outside);
        Assert.Equal(run.Has("outside_wakes") ? run.Count("outside_wakes") : 0, outside);
    }

    [Fact]
    public void The_timer_driver_wakes_each_fired_timer_from_the_runtime()
    {
        var (run, analysis) = Analyzed("timers");

        var byClass = analysis.Wakes.Where(wake => wake.IsWake).GroupBy(wake => wake.Wake.Class).ToDictionary(group => group.Key, group => group.Count());
        Assert.True(byClass.GetValueOrDefault(WakeClass.Runtime) >= run.Count("timers_fired"));
        Assert.InRange(byClass.GetValueOrDefault(WakeClass.Task), 0, 1);
        Assert.Equal(0, byClass.GetValueOrDefault(WakeClass.Self));
    }

    [Fact]
    public void Yield_now_wakes_are_the_runtimes_not_self_wakes()
    {
        var (run, analysis) = Analyzed("local");

        // Each yield_now hands the task's waker to the defer list; the runtime wakes it after the poll.
        var runtime = analysis.Wakes.Count(wake => wake.IsWake && wake.Wake.Class == WakeClass.Runtime);
        Assert.True(runtime >= run.Count("yields"), $"{runtime} runtime wakes for {run.Count("yields")} yields");
        Assert.DoesNotContain(analysis.Wakes, wake => wake.Wake.Class == WakeClass.Self);
    }

    [Theory]
    [MemberData(nameof(FaultFree))]
    public void A_program_without_a_fault_has_no_warnings(string program)
    {
        var (_, analysis) = Analyzed(program);

        Assert.Empty(analysis.Linter.Findings.Where(finding => finding.Rule != LintRule.LongPoll)
            .SelectMany(finding => finding.Occurrences.Select(occurrence => $"{finding.Rule}: {occurrence.What}")));
    }

    [Fact]
    public void Every_stranded_task_is_a_lost_waker_and_nothing_else_is()
    {
        var (run, analysis) = Analyzed("lost_waker");

        var lost = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.LostWaker);
        Assert.Equal(run.Count("never_completed"), lost.Count);
        Assert.Equal(run.Count("lost_wakers"), lost.Occurrences.Count(occurrence => occurrence.What.Contains("last waker was dropped")));
    }

    [Fact]
    public void A_task_that_wakes_itself_in_a_busy_loop_is_found()
    {
        var (run, analysis) = Analyzed("busy_self_wake");

        var finding = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.SelfWakes);
        Assert.Contains($"{run.Count("self_wakes")} of {run.Count("self_wakes")} wakes", Assert.Single(finding.Occurrences).What);
    }

    /// <summary>
    /// Every poll that blocks is long, and so is any other the machine stretched past the limit by
    /// descheduling its thread: the program times its polls itself, so the count is exact either way.
    /// </summary>
    [Fact]
    public void Each_poll_that_blocks_is_a_long_poll()
    {
        var (run, analysis) = Analyzed("blocking_poll");

        var finding = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.LongPoll);
        Assert.InRange(run.Count("long_polls"), run.Count("blocking_polls"), long.MaxValue);
        Assert.Equal(run.Count("long_polls"), finding.Occurrences.Count(occurrence => occurrence.What.Contains("blocking_poll.rs")));
    }

    [Fact]
    public void A_users_resource_whose_state_never_changes_is_found_and_tokios_own_are_not()
    {
        var (_, analysis) = Analyzed("state_never_updated");
        var withInternal = Analyses.OfFile(RealPrograms.Recorded("state_never_updated").Recording, options: new LintOptions { Internal = true });

        var finding = Assert.Single(analysis.Linter.Findings, finding => finding.Rule == LintRule.StateNeverUpdated);
        Assert.Contains("SilentGauge", Assert.Single(finding.Occurrences).What);
        Assert.Contains("level", finding.First.What);
        Assert.True(withInternal.Linter.Findings.Single(finding => finding.Rule == LintRule.StateNeverUpdated).Count > 1);
    }

    private static (RealRun Run, TokioAnalysis Analysis) Analyzed(string program)
    {
        var run = RealPrograms.Recorded(program);
        return (run, Analyses.OfReal(program));
    }
}
