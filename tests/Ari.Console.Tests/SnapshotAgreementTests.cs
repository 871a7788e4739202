using System.Text.Json;
using Ari.Console.Model;
using Ari.Testing;
using Ari.Tokio;

namespace Ari.Console.Tests;

/// <summary>
/// Snapshots of real programs' recordings, at their end and at moments between tasks' spawns, held
/// against ari's own analyses: <c>ari tasks</c> of the whole recording, and Ari.Tokio's analysis of the
/// recording cut at the moment. A frame must show exactly the tasks spawned by then, with their figures.
/// </summary>
public sealed class SnapshotAgreementTests
{
    public static readonly TheoryData<string> Programs = ["joinset", "timers", "sync", "lost_waker", "busy_self_wake", "local", "workers", "wakes"];

    internal static string RecordingOf(string program) =>
        Examples.All.Contains(program) ? Examples.Recorded(program).Recording : RealPrograms.Recorded(program).Recording;

    [Theory]
    [MemberData(nameof(Programs))]
    public void At_the_end_every_task_and_figure_is_what_ari_tasks_says(string program)
    {
        var recording = RecordingOf(program);
        var listed = AriCommand.Ok("tasks", recording, "--format", "json")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(task => (TokioId(task), task.GetProperty("id").GetUInt64()));

        var snapshot = RecordingTimeline.Open(recording).AtEnd;

        Assert.Equal(listed.Count, snapshot.Tasks.Count);
        foreach (var row in snapshot.Tasks)
        {
            var task = listed[(row.TokioId, row.SpanId)];
            Assert.Equal(task.GetProperty("name").GetString(), row.Name);
            Assert.Equal(task.GetProperty("kind").GetString(), row.Kind);
            Assert.Equal(task.GetProperty("location").GetString(), row.Location);
            Assert.Equal(task.GetProperty("closed").GetBoolean(), row.State == TaskState.Done);
            Assert.Equal(task.GetProperty("polls").GetProperty("corrected").GetInt64(), row.Polls.Corrected);
            Assert.Equal(task.GetProperty("polls").GetProperty("raw").GetInt64(), row.Polls.Raw);
            Assert.Equal(task.GetProperty("busy_ns").GetUInt64(), row.BusyNanos);
            Assert.Equal(task.GetProperty("scheduled_ns").GetUInt64(), row.ScheduledNanos);
            Assert.Equal(task.GetProperty("idle_ns").GetUInt64(), row.IdleNanos);
            Assert.Equal(task.GetProperty("longest_poll_ns").GetUInt64(), row.LongestPollNanos);
            var wakes = task.GetProperty("wakes");
            Assert.Equal(
                (wakes.GetProperty("self").GetInt64(), wakes.GetProperty("task").GetInt64(), wakes.GetProperty("runtime").GetInt64(), wakes.GetProperty("outside").GetInt64()),
                (row.SelfWakes, row.TaskWakes, row.RuntimeWakes, row.OutsideWakes));
            Assert.Equal(task.GetProperty("self_wake_share").GetDouble(), row.SelfWakeShare);
            Assert.Equal(task.GetProperty("wakers").GetProperty("outstanding").GetInt32(), row.OutstandingWakers);
            Assert.Equal(task.GetProperty("wakers").GetProperty("cloned").GetInt64(), row.WakerClones);
            Assert.Equal(Percentiles(task.GetProperty("poll_duration_ns")), Percentiles(row.PollDurations));
            Assert.Equal(Percentiles(task.GetProperty("scheduled_delay_ns")), Percentiles(row.ScheduledDelays));
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Between_spawns_exactly_the_tasks_spawned_by_then_are_shown_with_the_cut_recordings_figures(string program)
    {
        var recording = RecordingOf(program);
        var whole = Recordings.Analysis(recording);
        var timeline = RecordingTimeline.Open(recording);
        var final = whole.Tasks.ToDictionary(task => task.Span.CreatedSequence);

        foreach (var at in Recordings.BetweenSpawns(whole, most: 4))
        {
            var snapshot = timeline.SnapshotAt(at);
            var cut = Recordings.Analysis(recording, until: at);

            Assert.Equal(
                whole.Tasks.Where(task => task.FirstAt <= at).Select(task => task.Span.CreatedSequence),
                snapshot.Tasks.Select(row => row.CreatedSequence));
            Assert.Equal(cut.Tasks.Count, snapshot.Tasks.Count);
            foreach (var (row, task) in snapshot.Tasks.Zip(cut.Tasks))
            {
                Assert.Equal(Figures(task), Figures(row));
                Assert.Equal(task.IsClosed, row.State == TaskState.Done);
                if (row.State == TaskState.Done)
                {
                    // A task done by then has its final figures: nothing after its close changes them.
                    Assert.Equal(Figures(final[row.CreatedSequence]), Figures(row));
                }
            }
            Assert.Equal(
                whole.Resources.Where(resource => resource.Span.CreatedAt <= at).Select(resource => resource.Span.CreatedSequence),
                snapshot.Resources.Select(row => row.CreatedSequence));
            // A row makes its texts when first read, from what it kept: they must be the cut analysis's.
            Assert.Equal(cut.Resources.Select(Figures), snapshot.Resources.Select(Figures));
            Assert.Equal(
                cut.Linter.Findings.Select(finding => (finding.Rule, finding.Count)),
                snapshot.Warnings.Select(finding => (finding.Rule, finding.Count)));
        }
    }

    private static ulong? TokioId(JsonElement task) =>
        task.GetProperty("task_id").ValueKind == JsonValueKind.Null ? null : task.GetProperty("task_id").GetUInt64();

    private static (ulong?, ulong?, ulong?, ulong?) Percentiles(JsonElement figures) =>
        (Number(figures.GetProperty("p50")), Number(figures.GetProperty("p90")), Number(figures.GetProperty("p99")), Number(figures.GetProperty("max")));

    private static (ulong?, ulong?, ulong?, ulong?) Percentiles(LatencyFigures figures) => (figures.P50, figures.P90, figures.P99, figures.Max);

    private static ulong? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetUInt64();

    private static string Figures(TaskSpan task) => string.Join(' ',
        task.TokioId, task.Id, task.Polls.Corrected, task.Polls.Raw, task.BusyNanos, task.ScheduledNanos, task.IdleNanos, task.FirstAt, task.LastAt,
        task.SelfWakes, task.TaskWakes, task.RuntimeWakes, task.OutsideWakes, task.WakerClones, task.WakerDrops, task.OutstandingWakers,
        Percentiles(LatencyFigures.Of(task.Latencies?.Polls)), Percentiles(LatencyFigures.Of(task.Latencies?.Scheduled)));

    private static string Figures(ResourceSpan resource) => string.Join(" | ",
        resource.Id, resource.State, string.Join(", ", resource.Readiness.Select(op => $"{op.Operation} {op.Ready}/{op.Ready + op.Pending} ready")),
        resource.AsyncOps.Count, resource.AsyncOps.Sum(op => op.Polls), resource.ClosedAt);

    private static string Figures(ResourceRow row) => string.Join(" | ", row.SpanId, row.Attributes, row.Readiness, row.AsyncOps, row.AsyncOpPolls, row.ClosedAt);

    private static string Figures(TaskRow row) => string.Join(' ',
        row.TokioId, row.SpanId, row.Polls.Corrected, row.Polls.Raw, row.BusyNanos, row.ScheduledNanos, row.IdleNanos, row.FirstAt, row.LastAt,
        row.SelfWakes, row.TaskWakes, row.RuntimeWakes, row.OutsideWakes, row.WakerClones, row.WakerDrops, row.OutstandingWakers,
        Percentiles(row.PollDurations), Percentiles(row.ScheduledDelays));
}
