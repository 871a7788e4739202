using Ari.Model;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// A replay of a recording stopped at a moment, with the analysis that followed it: a checkpoint, or the
/// time cursor's state as it moves. Copied whole (<see cref="StateCopy"/>) to keep a checkpoint, to go on
/// from one, and to finish a snapshot without ending the replay.
/// </summary>
internal sealed class TimelineState
{
    public Replay Replay { get; } = new();

    public SnapshotBuilder Builder { get; } = new();

    /// <summary>Records of the recording taken so far (see <see cref="ReplayCursor.ItemsTaken"/>).</summary>
    public long ItemsTaken { get; private set; }

    /// <summary>The latest timestamp taken so far: the state stands for any moment at or after it, up to the next record's.</summary>
    public ulong LatestTimestamp { get; private set; }

    public TimelineState Copy() => StateCopy.Of(this);

    /// <summary>
    /// The snapshot at <paramref name="at"/>, which ends this state's analysis: a copy's, unless nothing
    /// reads on from this state. A replay and its copies leave garbage, much of it old enough to wait for a
    /// full collection, which the runtime puts off while the heap has room: one in the background now keeps
    /// the peak near what the rows and checkpoints hold, jump after jump and read after read.
    /// </summary>
    public ConsoleSnapshot Finish(RecordingSummary recording, ulong at)
    {
        var snapshot = Builder.Finish(recording, at);
        GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        return snapshot;
    }

    /// <summary>A cursor over <paramref name="path"/> that goes on from this state (reading past what it has taken).</summary>
    public ReplayCursor Resume(string path) => new(RecordSource.OpenFile(path), Replay, ItemsTaken);

    /// <summary>Replays with <paramref name="cursor"/> (made by <see cref="Resume"/>) up to <paramref name="until"/> or <paramref name="maxItems"/> records.</summary>
    public void Play(ReplayCursor cursor, ulong until, long maxItems = long.MaxValue)
    {
        cursor.Play(Builder, until, maxItems);
        ItemsTaken = cursor.ItemsTaken;
        LatestTimestamp = Math.Max(LatestTimestamp, cursor.LatestTimestamp);
    }
}
