using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// How a recording or a live stream ended, as one <see cref="Replay.Play"/> saw it: everything a command
/// says about the end of its input, so that reading it is one call and reporting it is formatting.
/// </summary>
/// <param name="Entries">Records replayed into entries (every callback record but ID changes).</param>
/// <param name="Records">Callback records read: the entries and the ID changes.</param>
/// <param name="Dropped">The tap's latest count of records it dropped; null when it never dropped any.</param>
/// <param name="LateCount">Callback records that came out of order (see <see cref="RecordSource.LateCount"/>).</param>
/// <param name="Truncation">Where the input was cut inside a frame; null when it ended after a whole one.</param>
/// <param name="Damage">Where the input is damaged; reading stopped there, after every record before it.</param>
/// <param name="Started">Whether the tap's first record (<see cref="StreamStart"/>) came: a stream without it is empty.</param>
/// <param name="StreamEndSeen">Whether the tap's end record came: a stream without it was cut or is still being written.</param>
/// <param name="BytesConsumed">The offset just after the last whole frame read.</param>
public sealed record RecordingEnd(
    long Entries,
    long Records,
    Dropped? Dropped,
    long LateCount,
    Truncation? Truncation,
    RecordingDamage? Damage,
    bool Started,
    bool StreamEndSeen,
    long BytesConsumed)
{
    /// <summary>
    /// Where the input was cut inside a frame or its header; null when it ended after a whole one, or held
    /// no byte at all: a file the tap never wrote to is empty (<see cref="Started"/>), not cut.
    /// </summary>
    public Truncation? Cut => Truncation is { EndOffset: > 0 } cut ? cut : null;
}
