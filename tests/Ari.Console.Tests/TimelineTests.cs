using System.Globalization;
using Ari.Console.Model;
using Ari.Tokio;
using Ari.Views.Filtering;

namespace Ari.Console.Tests;

/// <summary>
/// The time cursor: a task's state at a moment follows Ari.Tokio's own notion (running inside a poll,
/// scheduled when woken and not polled since, idle otherwise, done when closed); the next and previous
/// poll or wake of a task; one task's details.
/// </summary>
public sealed class TimelineTests
{
    public static readonly TheoryData<string> Programs = ["joinset", "timers", "workers"];

    [Theory]
    [MemberData(nameof(Programs))]
    public void A_task_is_running_inside_a_poll_scheduled_after_a_wake_and_idle_after_a_poll_that_left_it_unwoken(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        var moments = TaskMoments.Of(recording);
        var timeline = RecordingTimeline.Open(recording);

        var poll = moments.PollStarts.Join(moments.PollEnds, start => start.Task, end => end.Task, (start, end) => (start.Task, Start: start.At, End: end.At))
            .First(poll => poll.End > poll.Start);
        Assert.Equal(TaskState.Running, StateAt(timeline, poll.Start, poll.Task));

        var wake = moments.Wakes.First(wake => !wake.WhileRunning && wake.Report.NextPollAt > wake.At);
        Assert.Equal(TaskState.Scheduled, StateAt(timeline, wake.At, wake.Task));

        var rest = moments.PollEnds.First(end => !end.Notified && moments.ActivityOf(end.Task).Any(at => at > end.At));
        Assert.Equal(TaskState.Idle, StateAt(timeline, rest.At, rest.Task));

        var done = timeline.AtEnd.Tasks.First(task => task.State == TaskState.Done);
        Assert.Equal(TaskState.Done, StateAt(timeline, done.LastAt, done.CreatedSequence));
        Assert.DoesNotContain(timeline.SnapshotAt(done.FirstAt - 1).Tasks, task => task.CreatedSequence == done.CreatedSequence);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Next_and_previous_activity_are_the_tasks_own_polls_and_wakes(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        var moments = TaskMoments.Of(recording);
        var timeline = RecordingTimeline.Open(recording);
        var task = timeline.AtEnd.Tasks.MaxBy(task => moments.ActivityOf(task.CreatedSequence).Count)!;
        var activity = moments.ActivityOf(task.CreatedSequence);

        var middle = activity[activity.Count / 2];
        Assert.Equal(activity.FirstOrDefault(at => at > middle), timeline.NextActivity(task, middle) ?? 0);
        Assert.Equal(activity.LastOrDefault(at => at < middle), timeline.PreviousActivity(task, middle) ?? 0);
        Assert.Null(timeline.NextActivity(task, activity[^1]));
    }

    [Fact]
    public void A_tasks_details_list_every_use_of_its_wakers_by_the_moment()
    {
        var recording = Recordings.Stored("wakes");
        var timeline = RecordingTimeline.Open(recording);
        var whole = new TokioAnalysis(parts: AnalysisParts.Wakers);
        using (var source = Ari.Wire.RecordSource.OpenFile(recording))
        {
            new Ari.Model.Replay().Play(source, whole);
        }
        whole.Finish();
        var receiver = timeline.AtEnd.Tasks.Single(task => task.Name == "receiver");
        var uses = whole.Wakers.Where(report => report.Woken?.Span.CreatedSequence == receiver.CreatedSequence).ToList();

        var details = timeline.TaskDetailsAt(timeline.Recording.End, receiver.TokioId!.Value)!;
        Assert.Equal(uses.Select(use => (use.Timestamp, use.Op, use.Wake.Class)), details.Wakers.Select(use => (use.Timestamp, use.Op, use.Wake.Class)));

        var early = timeline.TaskDetailsAt(uses[1].Timestamp, receiver.TokioId.Value)!;
        Assert.Equal(2, early.Wakers.Count);
        Assert.Null(timeline.TaskDetailsAt(receiver.FirstAt - 1, receiver.TokioId.Value));
    }

    [Fact]
    public void A_wall_clock_time_and_an_offset_name_the_same_moment()
    {
        var timeline = RecordingTimeline.Open(Recordings.Stored("wakes"));
        var at = timeline.Recording.Start + 1_000_000;
        var wallClock = DateTime.UnixEpoch.AddTicks((long)((timeline.Recording.AnchorUnixNanos + at) / 100));

        Assert.True(TimeBound.TryParse(wallClock.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), out var wall));
        Assert.True(TimeBound.TryParse("+1ms", out var offset));
        Assert.Equal(at, timeline.Resolve(offset));
        // RFC 3339 here has 100 ns ticks.
        Assert.InRange(timeline.Resolve(wall), at - 100, at);
    }

    private static TaskState StateAt(RecordingTimeline timeline, ulong at, ulong task) =>
        timeline.SnapshotAt(at).Tasks.Single(row => row.CreatedSequence == task).State;
}
