namespace Ari.Tokio;

/// <summary>
/// One <c>waker.wake</c> or <c>waker.wake_by_ref</c>: the woken task and who woke it, by span ID.
/// <see cref="Deferred"/> marks a self-wake the runtime delivered after the poll (Tokio's deferred
/// <c>yield_now</c>, tokio#5223).
/// </summary>
public readonly record struct Wake(WakeClass Class, ulong Task, ulong? By, bool Deferred = false);
