using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One <c>waker.clone</c> of a task's waker, followed until a wake or a drop consumes it.
/// </summary>
/// <param name="Sequence">The clone event's sequence number.</param>
/// <param name="Timestamp">When it was cloned.</param>
/// <param name="Thread">The thread it was cloned on.</param>
/// <param name="ClonedIn">The task being polled there, if any (usually the task itself).</param>
public sealed record WakerClone(ulong Sequence, ulong Timestamp, ThreadTrack Thread, TaskSpan? ClonedIn)
{
    /// <summary>Set when a <c>wake_by_ref</c> probably used this waker (the oldest one is assumed).</summary>
    public bool WokenByRef { get; internal set; }
}
