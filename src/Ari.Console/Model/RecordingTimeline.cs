using Ari.Model;
using Ari.Tokio;
using Ari.Views.Filtering;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// A time cursor over a recording: what the console showed at any moment. Opening reads the recording
/// once, which gives the snapshot at its end (the first screen) and its span of time, and keeps copies
/// of the replay's and the analysis's state at moments spread over it (checkpoints); a recording that
/// grows while its program runs has a timeline of what had come after each read (<see cref="TimelineReader"/>). A snapshot at a
/// moment goes on from the cursor's state when the moment is later, else from a copy of the last
/// checkpoint before it, replaying the records up to the moment (<see cref="ReplayCursor"/>), and is
/// finished on a copy, so the cursor goes on from there at the next jump. Going on from kept state
/// rather than rebuilding figures keeps the rules in Ari.Tokio alone: a snapshot is whatever its
/// analysis says of the cut recording.
/// </summary>
public sealed class RecordingTimeline : IDisposable
{
    /// <summary>
    /// Records read past (decoded, not replayed) in the time one is replayed through the analysis: going
    /// on from a checkpoint reads past every record before it (see bench/limits.md).
    /// </summary>
    private const long SkipsPerReplay = 4;

    // The end's snapshot is as large as a snapshot gets (every task and resource ever made): the timeline
    // holds it only until it is first asked for, then only as long as its caller does, and replays the
    // recording again should it be asked for once more after that. Holding it for good would keep two
    // of the largest snapshots alive while the console shows another moment and builds the next.
    private readonly WeakReference<ConsoleSnapshot> _atEnd;
    private ConsoleSnapshot? _firstScreen;
    private readonly IReadOnlyList<TimelineState> _checkpoints;
    /// <summary>The records the timeline was made of: a recording still growing has more by the time it replays.</summary>
    private readonly long _itemsAtEnd;
    /// <summary>Jumps come from the console's worker, frames from the caller's thread: one at a time.</summary>
    private readonly Lock _gate = new();
    private TimelineState? _state;
    private ReplayCursor? _cursor;

    internal RecordingTimeline(RecordingSummary recording, ConsoleSnapshot atEnd, IReadOnlyList<TimelineState> checkpoints, long itemsAtEnd)
    {
        Recording = recording;
        _itemsAtEnd = itemsAtEnd;
        _atEnd = new WeakReference<ConsoleSnapshot>(atEnd);
        _firstScreen = atEnd;
        _checkpoints = checkpoints;
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
            var atEnd = Finished(ulong.MaxValue, Recording.End);
            _atEnd.SetTarget(atEnd);
            return atEnd;
        }
    }

    /// <summary>
    /// Reads the whole recording once. A damaged or cut recording opens up to the damage
    /// (<see cref="RecordingSummary.Problem"/>); a file that cannot be opened throws as
    /// <see cref="RecordSource.OpenFile"/> does.
    /// </summary>
    public static RecordingTimeline Open(string path) => Open(path, recordsBetweenCheckpoints: null);

    /// <param name="path">The recording.</param>
    /// <param name="recordsBetweenCheckpoints">
    /// Null for checkpoints spread over the recording's bytes (<see cref="Checkpoints"/>); a number for a
    /// checkpoint every so many records (tests).
    /// </param>
    internal static RecordingTimeline Open(string path, long? recordsBetweenCheckpoints)
    {
        using var reader = TimelineReader.OfRecording(path, recordsBetweenCheckpoints);
        reader.ReadOn(toTheEnd: true);
        return reader.Timeline(last: true);
    }

    /// <summary>The stream timestamp a <c>--since</c>-style bound names: an offset from the first entry, or a wall-clock time.</summary>
    public ulong Resolve(TimeBound bound) => bound.StreamTimestamp(Recording.Start, Recording.AnchorUnixNanos);

    /// <summary>The program as it was at <paramref name="at"/> (a stream timestamp): every record stamped later is left out.</summary>
    public ConsoleSnapshot SnapshotAt(ulong at) => at >= Recording.End ? AtEnd : Finished(at, at);

    /// <summary>The task with Tokio's task ID <paramref name="tokioId"/> in full at <paramref name="at"/>; null when no such task was spawned by then.</summary>
    /// <param name="createdSequence">
    /// Where the task's span began (<see cref="TaskRow.CreatedSequence"/>), when the caller has it from a
    /// row it shows; else it is found in the snapshot at <paramref name="at"/>, a replay more.
    /// </param>
    public TaskDetails? TaskDetailsAt(ulong at, ulong tokioId, ulong? createdSequence = null)
    {
        if ((createdSequence ?? SnapshotAt(at).FindTask(tokioId)?.CreatedSequence) is not { } created)
        {
            return null;
        }
        // The task's wakers are used only after it was spawned: a replay from the last checkpoint before
        // its creation, keeping them, sees every use. The checkpoint must not be past the moment either: a
        // moment before the creation can come after a checkpoint before it (the cut is at the first record
        // stamped later, and records go in sequence), and cut there, the replay has no such task.
        var state = _checkpoints.Last(checkpoint => checkpoint.Builder.LastSequence <= created && checkpoint.LatestTimestamp <= at).Copy();
        state.Builder.KeepWakersOf(tokioId);
        using (var cursor = state.Resume(Recording.Path))
        {
            Play(state, cursor, at);
        }
        var snapshot = state.Builder.Finish(Recording, Math.Min(at, Recording.End));
        return snapshot.FindTask(tokioId) is { } task ? new TaskDetails(snapshot, task, state.Builder.WakersOf(task)) : null;
    }

    /// <summary>
    /// When the task next began a poll or was woken after <paramref name="after"/>; null when it never
    /// did. Replays from the last checkpoint before the moment, a stretch at a time, until found.
    /// </summary>
    public ulong? NextActivity(TaskRow task, ulong after)
    {
        var state = _checkpoints.Last(checkpoint => checkpoint.LatestTimestamp <= after).Copy();
        var activity = new TaskActivity(state.Builder.Tracker, task.CreatedSequence, after + 1, ulong.MaxValue);
        using var cursor = state.Resume(Recording.Path);
        while (activity.First is null && !cursor.IsAtEnd && state.ItemsTaken < _itemsAtEnd)
        {
            Play(state, cursor, ulong.MaxValue, TimelineReader.RecordsBetweenLooks);
        }
        return activity.First;
    }

    /// <summary>
    /// When the task last began a poll or was woken before <paramref name="before"/>; null when it never
    /// did. Replays the stretches between checkpoints from the moment's backward, until one has it or
    /// one begins before the task was spawned.
    /// </summary>
    public ulong? PreviousActivity(TaskRow task, ulong before)
    {
        if (before == 0)
        {
            return null;
        }
        var until = before - 1;
        for (var i = _checkpoints.Count - 1; i >= 0; i--)
        {
            var checkpoint = _checkpoints[i];
            if (checkpoint.LatestTimestamp > until)
            {
                continue;
            }
            var state = checkpoint.Copy();
            var activity = new TaskActivity(state.Builder.Tracker, task.CreatedSequence, 0, until);
            using (var cursor = state.Resume(Recording.Path))
            {
                var stretch = i + 1 < _checkpoints.Count ? _checkpoints[i + 1].ItemsTaken - checkpoint.ItemsTaken : long.MaxValue;
                Play(state, cursor, until, stretch);
            }
            if (activity.Last is not null || checkpoint.Builder.LastSequence <= task.CreatedSequence)
            {
                return activity.Last;
            }
        }
        return null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _cursor?.Dispose();
            _cursor = null;
            _state = null;
        }
    }

    /// <summary>The snapshot at <paramref name="at"/> of the replay cut at <paramref name="until"/>, finished on a copy of the cursor's state.</summary>
    private ConsoleSnapshot Finished(ulong until, ulong at)
    {
        using var pacer = Pacer();
        TimelineState copy;
        lock (_gate)
        {
            copy = StateAt(until).Copy();
        }
        return copy.Finish(Recording, at);
    }

    /// <summary>
    /// The cursor's state moved to <paramref name="until"/>: on from where it stands when it stands
    /// before, else from a copy of the last checkpoint before, also when that is so much further on that
    /// reading up to it (<see cref="SkipsPerReplay"/>) costs less than replaying the records between.
    /// </summary>
    private TimelineState StateAt(ulong until)
    {
        var checkpoint = _checkpoints.Last(checkpoint => checkpoint.LatestTimestamp <= until);
        if (_state is null || _cursor is null || _state.LatestTimestamp > until
            || checkpoint.ItemsTaken < SkipsPerReplay * (checkpoint.ItemsTaken - _state.ItemsTaken))
        {
            _cursor?.Dispose();
            _state = checkpoint.Copy();
            _cursor = _state.Resume(Recording.Path);
        }
        Play(_state, _cursor, until);
        return _state;
    }

    /// <summary>Replays up to <paramref name="until"/> or <paramref name="maxItems"/> records, never past the records the timeline was made of.</summary>
    private void Play(TimelineState state, ReplayCursor cursor, ulong until, long maxItems = long.MaxValue) =>
        state.Play(cursor, until, Math.Min(maxItems, _itemsAtEnd - state.ItemsTaken));

    /// <summary>
    /// Collections paced for a replay: a small first generation, and a compaction every so often, which a
    /// jump through a short recording allocates too little to pay for.
    /// </summary>
    internal static CollectionPacer Pacer() => new(CollectionPacer.YoungBytes, CollectionPacer.CompactionBytes);
}
