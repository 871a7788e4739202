namespace Ari.Tokio;

/// <summary>One warning: when (nanoseconds since the anchor), on which thread if one, and what, in words.</summary>
public sealed record LintOccurrence(ulong At, string? Thread, string What);
