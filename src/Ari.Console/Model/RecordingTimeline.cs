using Ari.Model;
using Ari.Tokio;
using Ari.Views.Filtering;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// A time cursor over a recording: what the console showed at any moment. Opening reads the recording
/// once, which gives the snapshot at its end (the first screen) and its span of time; a snapshot at an
/// earlier moment replays the recording from its start and stops reading at the first record after the
/// moment (<see cref="Replay.Play"/>'s <c>until</c>), so a jump costs a replay of the part before it and
/// memory holds one snapshot, never the recording. Replaying rather than keeping copies of the tracker's
/// state keeps the rules in Ari.Tokio alone: a snapshot is whatever its analysis says of the cut recording.
/// </summary>
public sealed class RecordingTimeline
{
    // The end's snapshot is as large as a snapshot gets (every task and resource ever made): the timeline
    // holds it only until it is first asked for, then only as long as its caller does, and replays the
    // recording again should it be asked for once more after that. Holding it for good would keep two
    // of the largest snapshots alive while the console shows another moment and builds the next.
    private readonly WeakReference<ConsoleSnapshot> _atEnd;
    private ConsoleSnapshot? _firstScreen;

    private RecordingTimeline(RecordingSummary recording, ConsoleSnapshot atEnd)
    {
        Recording = recording;
        _atEnd = new WeakReference<ConsoleSnapshot>(atEnd);
        _firstScreen = atEnd;
    }

    public RecordingSummary Recording { get; }

    /// <summary>The snapshot at the recording's last entry: the whole recording, as <c>ari tasks</c> reads it.</summary>
    public ConsoleSnapshot AtEnd
    {
        get
        {
            if (Interlocked.Exchange(ref _firstScreen, null) is { } first)
            {
                return first;
            }
            if (_atEnd.TryGetTarget(out var kept))
            {
                return kept;
            }
            var builder = new SnapshotBuilder();
            Play(Recording.Path, builder, ulong.MaxValue);
            var atEnd = builder.Finish(Recording, Recording.End);
            _atEnd.SetTarget(atEnd);
            return atEnd;
        }
    }

    /// <summary>
    /// Reads the whole recording once. A damaged or cut recording opens up to the damage
    /// (<see cref="RecordingSummary.Problem"/>); a file that cannot be opened throws as
    /// <see cref="RecordSource.OpenFile"/> does.
    /// </summary>
    public static RecordingTimeline Open(string path)
    {
        var builder = new SnapshotBuilder();
        var ending = Play(path, builder, ulong.MaxValue);
        var recording = new RecordingSummary(path, builder.First ?? 0, builder.Last, builder.AnchorUnixNanos, ending);
        return new RecordingTimeline(recording, builder.Finish(recording, recording.End));
    }

    /// <summary>The stream timestamp a <c>--since</c>-style bound names: an offset from the first entry, or a wall-clock time.</summary>
    public ulong Resolve(TimeBound bound)
    {
        if (bound.IsOffset)
        {
            return Recording.Start + bound.Nanos;
        }
        var anchor = Recording.AnchorUnixNanos;
        return bound.Nanos > anchor ? bound.Nanos - anchor : 0;
    }

    /// <summary>The program as it was at <paramref name="at"/> (a stream timestamp): every record stamped later is left out.</summary>
    public ConsoleSnapshot SnapshotAt(ulong at)
    {
        if (at >= Recording.End)
        {
            return AtEnd;
        }
        var builder = new SnapshotBuilder();
        Play(Recording.Path, builder, at);
        return builder.Finish(Recording, at);
    }

    /// <summary>The task with Tokio's task ID <paramref name="tokioId"/> in full at <paramref name="at"/>; null when no such task was spawned by then.</summary>
    public TaskDetails? TaskDetailsAt(ulong at, ulong tokioId)
    {
        var builder = new SnapshotBuilder();
        builder.KeepWakersOf(tokioId);
        Play(Recording.Path, builder, at);
        var snapshot = builder.Finish(Recording, Math.Min(at, Recording.End));
        return snapshot.FindTask(tokioId) is { } task ? new TaskDetails(snapshot, task, builder.WakersOf(task)) : null;
    }

    /// <summary>When the task next began a poll or was woken after <paramref name="after"/>; null when it never did.</summary>
    public ulong? NextActivity(TaskRow task, ulong after)
    {
        var activity = new TaskActivity(task.CreatedSequence, after + 1, ulong.MaxValue);
        Play(Recording.Path, activity, ulong.MaxValue);
        return activity.First;
    }

    /// <summary>When the task last began a poll or was woken before <paramref name="before"/>; null when it never did.</summary>
    public ulong? PreviousActivity(TaskRow task, ulong before)
    {
        if (before == 0)
        {
            return null;
        }
        var activity = new TaskActivity(task.CreatedSequence, 0, before - 1);
        Play(Recording.Path, activity, before - 1);
        return activity.Last;
    }

    private static RecordingEnd Play(string path, IEntrySink sink, ulong until)
    {
        using var source = RecordSource.OpenFile(path);
        return new Replay().Play(source, sink, until);
    }
}
