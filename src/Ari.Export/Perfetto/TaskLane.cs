using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// A task's track: its polls and the gaps between them. A gap is <c>scheduled</c> from the first wake
/// (or the spawn, or the end of a poll during which it was woken) to the next poll, <c>idle</c>
/// otherwise, as <see cref="TaskSpan"/> counts them, so the slices add up to <c>ari tasks</c>' times.
/// </summary>
internal sealed class TaskLane(int tid, ulong createdAt)
{
    public int Tid { get; } = tid;

    /// <summary>Where the gap before the next poll begins: creation, the last poll's end, or an unfinished poll's start.</summary>
    public ulong GapStart { get; set; } = createdAt;

    /// <summary>When the task became scheduled; spawning schedules it.</summary>
    public ulong? ScheduledAt { get; set; } = createdAt;

    public bool Polling { get; set; }

    public bool WokenDuringPoll { get; set; }

    /// <summary>The flows of the wakes answered by the current poll: they end in its slice, written when it ends.</summary>
    public List<ulong> Answered { get; } = [];
}
