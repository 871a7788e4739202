namespace Ari.Tokio;

/// <summary>Limits of <c>ari lint</c>.</summary>
public sealed record LintOptions
{
    /// <summary>Warn when a task's self-wakes are more than this share of its wakes.</summary>
    public double SelfWakeShare { get; init; } = 0.5;

    /// <summary>…and at least this many: one self-wake of one wake (a coop-budget yield before the end) is no busy loop.</summary>
    public long SelfWakeMinimum { get; init; } = 3;

    /// <summary>
    /// Warn about a poll longer than this (nanoseconds). A poll's length is wall time, which a loaded
    /// machine stretches by tens of milliseconds when it deschedules the thread; 50 ms is above that and
    /// well below a blocking call worth finding.
    /// </summary>
    public ulong LongPollNanos { get; init; } = 50_000_000;

    /// <summary>Also judge Tokio's own spans and resources (its oneshots, sleeps, semaphores, shutdown channel).</summary>
    public bool Internal { get; init; }

    /// <summary>
    /// Keep every warning in its finding (<see cref="LintFinding.Occurrences"/>); without, a finding keeps
    /// its count and first warning, and a view takes each warning from <see cref="TokioLinter.Warned"/>.
    /// </summary>
    public bool KeepOccurrences { get; init; } = true;
}
