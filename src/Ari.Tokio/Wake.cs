namespace Ari.Tokio;

/// <summary>
/// One <c>waker.wake</c> or <c>waker.wake_by_ref</c>: the woken task and who woke it, by span ID.
/// <see cref="TaskClosed"/> marks a wake of a task whose span is no longer alive (it closed, or the
/// recording never showed it): Tokio ignores such a wake, and it has no next poll.
/// </summary>
public readonly record struct Wake(WakeClass Class, ulong Task, ulong? By, bool TaskClosed = false);
