using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>
/// What the interactive console shows: a finished recording (<see cref="RecordedFeed"/>), or one that
/// grows while its program runs (<see cref="LiveFeed"/>). The console asks it for the recording as it
/// stands, off the UI thread, and travels through whatever that gives.
/// </summary>
public abstract class ConsoleFeed
{
    /// <summary>Whether the recording may still grow, so the console refreshes it.</summary>
    public abstract bool IsLive { get; }

    /// <summary>Whether the recording is whole: a live program has ended and all it sent is in.</summary>
    public abstract bool HasEnded { get; }

    /// <summary>A few words on how a live program stands ("running", "exited with code 0"); null for a recording.</summary>
    public abstract string? ProgramStatus { get; }

    /// <summary>The recording as it stands now; slow (it reads the recording), so the console calls it off the UI thread.</summary>
    public abstract RecordingTimeline Read();
}
