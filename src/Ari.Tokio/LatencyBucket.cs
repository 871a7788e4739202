namespace Ari.Tokio;

/// <summary>One bucket of a <see cref="LatencyHistogram"/>: <paramref name="Count"/> values between <paramref name="Lowest"/> and <paramref name="Highest"/> nanoseconds, both included.</summary>
public readonly record struct LatencyBucket(ulong Lowest, ulong Highest, long Count);
