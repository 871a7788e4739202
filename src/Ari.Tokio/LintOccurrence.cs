namespace Ari.Tokio;

/// <summary>
/// One warning: when (nanoseconds since the anchor), on which thread if one, and what, in words; for a
/// warning about one task, that task's span's <see cref="Model.SpanNode.CreatedSequence"/> (with its span
/// ID, a task's identity), so a view can show the warning beside the task without holding the task.
/// </summary>
public sealed record LintOccurrence(ulong At, string? Thread, string What, ulong? TaskSequence = null);
