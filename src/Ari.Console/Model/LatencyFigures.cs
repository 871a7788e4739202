using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// A task's percentiles of one latency (poll duration or scheduled delay), read from the task's own
/// <see cref="LatencyHistogram"/>, as <c>ari tasks</c> reads them; each null when nothing was measured.
/// </summary>
public readonly record struct LatencyFigures(long Count, ulong? P50, ulong? P90, ulong? P99, ulong? Max)
{
    public static LatencyFigures Of(LatencyHistogram? histogram) => histogram is { } h
        ? new LatencyFigures(h.Count, h.Percentile(50), h.Percentile(90), h.Percentile(99), h.Percentile(100))
        : default;
}
