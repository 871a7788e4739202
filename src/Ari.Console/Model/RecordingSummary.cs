using Ari.Model;

namespace Ari.Console.Model;

/// <summary>
/// What one read of a whole recording found: its span of time, how many entries, and how it ended (a
/// cut or damaged recording is shown up to the damage, and the console says so).
/// </summary>
public sealed class RecordingSummary
{
    internal RecordingSummary(string path, ulong start, ulong end, ulong anchorUnixNanos, RecordingEnd ending)
    {
        Path = path;
        AnchorUnixNanos = anchorUnixNanos;
        Start = start;
        End = end;
        Ending = ending;
    }

    public string Path { get; }

    /// <summary>The first entry's timestamp: the console shows times relative to it, as the analysis tables do.</summary>
    public ulong Start { get; }

    /// <summary>The last entry's timestamp (before any damage).</summary>
    public ulong End { get; }

    public RecordingEnd Ending { get; }

    /// <summary>Unix time in nanoseconds of the stream's timestamp 0: wall-clock times become moments with it.</summary>
    public ulong AnchorUnixNanos { get; }

    public long Entries => Ending.Entries;

    /// <summary>What is wrong with the recording, in a few words; null when it is whole.</summary>
    public string? Problem => Ending switch
    {
        { Damage: { } damage } => $"damaged at byte {damage.Offset}, shown up to there",
        { Cut: { } cut } => $"cut at byte {cut.Offset}, shown up to there",
        { Started: false } => "empty",
        { StreamEndSeen: false } => $"stops at byte {Ending.BytesConsumed} without the tap's end record",
        _ => null,
    };
}
