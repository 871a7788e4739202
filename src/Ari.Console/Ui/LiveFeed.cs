using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>
/// A recording that a running program's tap is writing (the command copies the stream into
/// <c>path</c> as fast as it comes, so nothing waits on the screen and nothing is lost). It is read
/// as it grows, each read going on from where the last one stopped, through the same model a
/// recording uses: the live view is the recording as far as it has come, with its figures, and time
/// travel over what has arrived.
/// </summary>
public sealed class LiveFeed : ConsoleFeed, IDisposable
{
    private readonly Task<string> _ended;
    private readonly TimelineReader _reader;
    private readonly Lock _gate = new();

    /// <param name="path">The recording being written.</param>
    /// <param name="ended">Completes, with a few words on how the program ended, once the program has ended and the stream is all in the file.</param>
    public LiveFeed(string path, Task<string> ended)
    {
        _ended = ended;
        _reader = TimelineReader.OfGrowing(path, () => ended.IsCompleted);
    }

    public override bool IsLive => true;

    public override bool HasEnded => _ended.IsCompleted;

    public override string? ProgramStatus => !_ended.IsCompleted ? "running"
        : _ended.IsCompletedSuccessfully ? _ended.Result
        : $"failed: {_ended.Exception?.GetBaseException().Message}";

    /// <summary>
    /// What has come since the last read, added to what came before; once the program has ended, all
    /// the rest, to the recording's end.
    /// </summary>
    public override RecordingTimeline Read()
    {
        // Asked first: a read that begins after the end goes on until everything the program sent is in.
        var whole = _ended.IsCompleted;
        lock (_gate)
        {
            _reader.ReadOn(toTheEnd: whole);
            return _reader.Timeline(last: false);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _reader.Dispose();
        }
    }
}
