using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>A recording read once before the console opens: it never changes.</summary>
public sealed class RecordedFeed(RecordingTimeline timeline) : ConsoleFeed
{
    public override bool IsLive => false;

    public override bool HasEnded => true;

    public override string? ProgramStatus => null;

    public override RecordingTimeline Read() => timeline;
}
