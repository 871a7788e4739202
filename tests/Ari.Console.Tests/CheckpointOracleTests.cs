using System.Collections;
using System.Globalization;
using System.Reflection;
using Ari.Console.Model;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Console.Tests;

/// <summary>
/// The oracle of the timeline's checkpoints: a snapshot or a task's details reached through copies of
/// checkpoints and replays that go on from where they stopped is, row for row and field for field, the
/// one a fresh replay from the recording's start cut at the same moment gives, through sequences of
/// jumps forward, backward and to and fro.
/// </summary>
public sealed class CheckpointOracleTests
{
    public static readonly TheoryData<string> Programs = SnapshotAgreementTests.Programs;

    [Theory]
    [MemberData(nameof(Programs))]
    public void Snapshots_through_checkpoints_are_those_of_a_replay_from_the_start(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        // A checkpoint every few records, so that every jump starts from one.
        using var timeline = RecordingTimeline.Open(recording, recordsBetweenCheckpoints: 37);
        foreach (var at in Jumps(timeline))
        {
            Assert.Equal(Describe(FromStart(timeline, at).Snapshot), Describe(timeline.SnapshotAt(at)));
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Task_details_through_checkpoints_are_those_of_a_replay_from_the_start(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        using var timeline = RecordingTimeline.Open(recording, recordsBetweenCheckpoints: 37);
        var tasks = timeline.AtEnd.Tasks.Where(task => task.TokioId is not null).ToList();
        var chosen = tasks.Where((_, i) => i % Math.Max(1, tasks.Count / 4) == 0).Take(4).ToList();
        foreach (var at in Jumps(timeline).Take(8))
        {
            foreach (var task in chosen)
            {
                var fresh = FromStart(timeline, at, task.TokioId);
                var expected = fresh.Snapshot.FindTask(task.TokioId!.Value) is { } row ? new TaskDetails(fresh.Snapshot, row, fresh.Builder.WakersOf(row)) : null;
                // As the frames ask (the task's ID alone) and as the interactive console does (with where its span began).
                foreach (var details in new[] { timeline.TaskDetailsAt(at, task.TokioId!.Value), timeline.TaskDetailsAt(at, task.TokioId!.Value, task.CreatedSequence) })
                {
                    Assert.Equal(expected is null, details is null);
                    if (details is not null)
                    {
                        Assert.Equal(Describe(expected!.Snapshot), Describe(details.Snapshot));
                        Assert.Equal(Describe(expected.Task), Describe(details.Task));
                        Assert.Equal(Describe(expected.Wakers), Describe(details.Wakers));
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Next_and_previous_activity_through_checkpoints_are_those_of_a_replay_from_the_start(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        using var timeline = RecordingTimeline.Open(recording, recordsBetweenCheckpoints: 37);
        var tasks = timeline.AtEnd.Tasks;
        foreach (var task in tasks.Where((_, i) => i % Math.Max(1, tasks.Count / 4) == 0).Take(4))
        {
            foreach (var at in Jumps(timeline).Take(10))
            {
                Assert.Equal(ActivityFromStart(recording, task, at + 1, ulong.MaxValue, ulong.MaxValue).First, timeline.NextActivity(task, at));
                Assert.Equal(at == 0 ? null : ActivityFromStart(recording, task, 0, at - 1, at - 1).Last, timeline.PreviousActivity(task, at));
            }
        }
    }

    [Fact]
    public void A_checkpoint_is_not_used_up_by_going_on_from_it()
    {
        var recording = SnapshotAgreementTests.RecordingOf("workers");
        using var timeline = RecordingTimeline.Open(recording, recordsBetweenCheckpoints: 101);
        var span = timeline.Recording.End - timeline.Recording.Start;
        var early = timeline.Recording.Start + (span / 3);
        var first = Describe(timeline.SnapshotAt(early));
        timeline.SnapshotAt(timeline.Recording.Start + (span * 2 / 3));
        Assert.Equal(first, Describe(timeline.SnapshotAt(early)));
        Assert.Equal(first, Describe(timeline.SnapshotAt(early)));
    }

    /// <summary>Moments forward through the recording, then backward, then to and fro, and the end.</summary>
    private static IEnumerable<ulong> Jumps(RecordingTimeline timeline)
    {
        var start = timeline.Recording.Start;
        var span = timeline.Recording.End - start;
        var moments = Enumerable.Range(0, 9).Select(i => start + (span * (ulong)i / 8)).ToList();
        var forward = moments.Concat([timeline.Recording.End]);
        var backward = Enumerable.Reverse(moments);
        var fro = moments.Select((at, i) => i % 2 == 0 ? at : moments[^i]);
        return forward.Concat(backward).Concat(fro).Concat([start + 1, timeline.Recording.End - 1]);
    }

    /// <summary>Today's path without checkpoints: a fresh builder replays the recording from its start, cut at the moment.</summary>
    private static (ConsoleSnapshot Snapshot, SnapshotBuilder Builder) FromStart(RecordingTimeline timeline, ulong at, ulong? keepWakersOf = null)
    {
        var builder = new SnapshotBuilder();
        if (keepWakersOf is { } id)
        {
            builder.KeepWakersOf(id);
        }
        using (var source = RecordSource.OpenFile(timeline.Recording.Path))
        {
            new Replay().Play(source, builder, at);
        }
        return (builder.Finish(timeline.Recording, Math.Min(at, timeline.Recording.End)), builder);
    }

    /// <summary>Today's path for a task's activity: a fresh tracker over the recording from its start, cut at <paramref name="cut"/>.</summary>
    private static TaskActivity ActivityFromStart(string path, TaskRow task, ulong from, ulong until, ulong cut)
    {
        var analysis = new TokioAnalysis(parts: AnalysisParts.None);
        var activity = new TaskActivity(analysis.Tracker, task.CreatedSequence, from, until);
        using var source = RecordSource.OpenFile(path);
        new Replay().Play(source, analysis, cut);
        return activity;
    }

    /// <summary>Every public property, through lists and nested objects; the replay's own objects by their names.</summary>
    internal static string Describe(object? value, int depth = 0) => value switch
    {
        null => "null",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool or Enum => value.ToString()!,
        ThreadTrack or SpanNode => value.ToString()!,
        TaskSpan task => $"{task}@{task.Span.CreatedSequence}",
        WakerClone clone => $"clone@{clone.Sequence}",
        RecordingSummary => "recording",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(item => Describe(item, depth + 1))) + "]",
        _ when depth > 4 => value.ToString()!,
        _ => value.GetType().Name + "{" + string.Join(", ", value.GetType()
            .GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Select(property => $"{property.Name}={Describe(property.GetValue(value), depth + 1)}")) + "}",
    };
}
