using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// What the export keeps of a task between its slices: its polls and the gaps between them. A gap is
/// <c>scheduled</c> from the first wake (or the spawn, or the end of a poll during which it was woken) to
/// the next poll, <c>idle</c> otherwise, as <see cref="TaskSpan"/> counts them, so the slices add up to
/// <c>ari tasks</c>' times.
/// </summary>
internal sealed class TaskTimeline(TaskSpan task)
{
    public TaskSpan Task { get; } = task;

    /// <summary>Whether the task is in the export (something of it was shown); then <see cref="Lane"/> is where it is drawn.</summary>
    public bool Joined { get; set; }

    /// <summary>The track its polls and gaps go on; null for a task that found every lane taken (its polls go on poll lanes, without gaps).</summary>
    public Lane? Lane { get; set; }

    /// <summary>Where the gap before the next poll begins: creation, the last poll's end, or an unfinished poll's start.</summary>
    public ulong GapStart { get; set; } = task.FirstAt;

    /// <summary>When the task became scheduled; spawning schedules it.</summary>
    public ulong? ScheduledAt { get; set; } = task.FirstAt;

    public bool Polling { get; set; }

    /// <summary>Whether the current poll's start passed the export's filter.</summary>
    public bool PollShown { get; set; }

    public bool WokenDuringPoll { get; set; }

    /// <summary>The flows of the wakes answered by the current poll: they end in its slice, written when it ends.</summary>
    public List<ulong> Answered { get; } = [];
}
