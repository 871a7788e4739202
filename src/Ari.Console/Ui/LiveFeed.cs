using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>
/// A recording that a running program's tap is writing (the command copies the stream into
/// <paramref name="path"/> as fast as it comes, so nothing waits on the screen and nothing is lost).
/// Each refresh reads it again as it stands, through the same model a recording uses: the live view is
/// the recording cut at its current end, with its figures, and time travel over what has arrived.
/// </summary>
/// <param name="path">The recording being written.</param>
/// <param name="ended">Completes, with a few words on how the program ended, once the program has ended and the stream is all in the file.</param>
public sealed class LiveFeed(string path, Task<string> ended) : ConsoleFeed
{
    public override bool IsLive => true;

    public override bool HasEnded => ended.IsCompleted;

    public override string? ProgramStatus => !ended.IsCompleted ? "running"
        : ended.IsCompletedSuccessfully ? ended.Result
        : $"failed: {ended.Exception?.GetBaseException().Message}";

    public override RecordingTimeline Read() => RecordingTimeline.Open(path);
}
