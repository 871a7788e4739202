using Ari.Model;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// Reads a recording through the replay and the analysis into a state that goes on, keeping checkpoints
/// as it goes, and makes a <see cref="RecordingTimeline"/> of what it has read: once for a finished
/// recording; after every read for one that grows while its program runs, each read going on from where
/// the last one stopped (the timelines share the checkpoints kept so far).
/// </summary>
internal sealed class TimelineReader : IDisposable
{
    /// <summary>Checkpoints over a recording at most: a jump replays about this share of it at least.</summary>
    private const int MostCheckpoints = 32;

    /// <summary>
    /// What the checkpoints may take (as bytes allocated to copy them): a long recording has fewer, further
    /// apart, so that memory stays flat in its length.
    /// </summary>
    private const long CheckpointBytes = 64L << 20;

    /// <summary>
    /// Bytes between a growing recording's first checkpoints, whose length is not known beforehand: they
    /// thin out as it grows, to at most twice <see cref="MostCheckpoints"/>.
    /// </summary>
    private const long GrowingSpacing = 1L << 20;

    /// <summary>Records replayed between two looks at how far the reader is: the fewest between two checkpoints.</summary>
    internal const long RecordsBetweenLooks = 1024;

    private readonly string _path;
    private readonly TimelineState _state = new();
    private readonly ReplayCursor _cursor;
    private readonly Checkpoints _checkpoints;
    private readonly long? _recordsBetweenCheckpoints;

    private TimelineReader(string path, RecordSource source, long spacing, long? recordsBetweenCheckpoints)
    {
        _path = path;
        _cursor = new ReplayCursor(source, _state.Replay);
        _checkpoints = new Checkpoints(_state, spacing, CheckpointBytes, 2 * MostCheckpoints);
        _recordsBetweenCheckpoints = recordsBetweenCheckpoints;
    }

    /// <summary>A finished recording, its checkpoints spread over its bytes, or, for tests, every <paramref name="recordsBetweenCheckpoints"/> records.</summary>
    public static TimelineReader OfRecording(string path, long? recordsBetweenCheckpoints = null) =>
        new(path, RecordSource.OpenFile(path), new FileInfo(path).Length / MostCheckpoints, recordsBetweenCheckpoints);

    /// <summary>A recording still being written, until <paramref name="writerDone"/>.</summary>
    public static TimelineReader OfGrowing(string path, Func<bool> writerDone) =>
        new(path, new RecordSource(new FollowedFile(path, writerDone)), GrowingSpacing, recordsBetweenCheckpoints: null);

    /// <summary>
    /// Replays what has come since the last read, without waiting for more; or, <paramref name="toTheEnd"/>,
    /// everything up to the end of the recording, waiting for a growing one's writer to be done.
    /// </summary>
    public void ReadOn(bool toTheEnd)
    {
        using var pacer = RecordingTimeline.Pacer();
        var stretch = _recordsBetweenCheckpoints ?? RecordsBetweenLooks;
        while (!_cursor.IsAtEnd && (toTheEnd ? long.MaxValue : _cursor.RecordsReady) is > 0 and var ready)
        {
            // A stretch at a time, with a look at the checkpoints after each.
            for (var left = ready; left > 0 && !_cursor.IsAtEnd; left -= stretch)
            {
                _state.Play(_cursor, ulong.MaxValue, Math.Min(left, stretch));
                if (!_cursor.IsAtEnd)
                {
                    KeepCheckpoint();
                }
            }
        }
    }

    /// <summary>
    /// The timeline of what has been read. The <paramref name="last"/> one finishes the reader's own
    /// state, which cannot read on after that; any other finishes a copy.
    /// </summary>
    public RecordingTimeline Timeline(bool last)
    {
        using var pacer = RecordingTimeline.Pacer();
        var builder = _state.Builder;
        var recording = new RecordingSummary(_path, builder.First ?? 0, builder.Last, builder.AnchorUnixNanos, _cursor.Ending);
        var finishing = last ? _state : _state.Copy();
        return new RecordingTimeline(recording, finishing.Finish(recording, recording.End), _checkpoints.Kept, _state.ItemsTaken);
    }

    public void Dispose() => _cursor.Dispose();

    private void KeepCheckpoint()
    {
        if (_recordsBetweenCheckpoints is not null)
        {
            _checkpoints.Add(_state, _cursor.BytesRead);
        }
        else
        {
            _checkpoints.Reached(_state, _cursor.BytesRead);
        }
    }
}
