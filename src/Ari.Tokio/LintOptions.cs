namespace Ari.Tokio;

/// <summary>Limits of <c>ari lint</c>.</summary>
public sealed record LintOptions
{
    /// <summary>Warn when a task's self-wakes are more than this share of its wakes.</summary>
    public double SelfWakeShare { get; init; } = 0.5;

    /// <summary>Warn about a poll longer than this (nanoseconds); tokio-console's default busy warning is similar.</summary>
    public ulong LongPollNanos { get; init; } = 10_000_000;
}
