using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// A task's percentiles of one latency (poll duration or scheduled delay), read from the task's own
/// <see cref="LatencyHistogram"/> as <c>ari tasks</c> reads them; each null when nothing was measured.
/// Kept as plain numbers (an empty histogram has none), since every row of a snapshot holds two.
/// </summary>
public readonly struct LatencyFigures
{
    private readonly ulong _p50;
    private readonly ulong _p90;
    private readonly ulong _p99;
    private readonly ulong _max;

    private LatencyFigures(long count, ulong p50, ulong p90, ulong p99, ulong max)
    {
        Count = count;
        _p50 = p50;
        _p90 = p90;
        _p99 = p99;
        _max = max;
    }

    public long Count { get; }

    public ulong? P50 => Count == 0 ? null : _p50;

    public ulong? P90 => Count == 0 ? null : _p90;

    public ulong? P99 => Count == 0 ? null : _p99;

    public ulong? Max => Count == 0 ? null : _max;

    public static LatencyFigures Of(LatencyHistogram? histogram) => histogram is { Count: > 0 } h
        ? new LatencyFigures(h.Count, h.Percentile(50) ?? 0, h.Percentile(90) ?? 0, h.Percentile(99) ?? 0, h.Percentile(100) ?? 0)
        : default;
}
