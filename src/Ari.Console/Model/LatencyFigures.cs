using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// A task's latency (poll duration or scheduled delay) at a snapshot's moment: a copy of the task's own
/// <see cref="LatencyHistogram"/> (its buckets, for a histogram) and its percentiles read as <c>ari tasks</c>
/// reads them, each null when nothing was measured. A copy, as the task records on after the moment; the
/// percentiles are read when asked, since of every row's two only the details' are ever shown.
/// </summary>
public readonly struct LatencyFigures
{
    private readonly LatencyHistogram _histogram;

    private LatencyFigures(LatencyHistogram histogram) => _histogram = histogram;

    public long Count => _histogram.Count;

    public ulong? P50 => _histogram.Percentile(50);

    public ulong? P90 => _histogram.Percentile(90);

    public ulong? P99 => _histogram.Percentile(99);

    public ulong? Max => _histogram.Percentile(100);

    /// <summary>The buckets that were hit, lowest first.</summary>
    public IEnumerable<LatencyBucket> Buckets => _histogram.Buckets;

    public static LatencyFigures Of(LatencyHistogram? histogram) => histogram is { Count: > 0 } h ? new LatencyFigures(h.Copy()) : default;

    /// <summary>As <see cref="Of(LatencyHistogram?)"/>, its buckets shared with the rows' that are alike (<see cref="RowParts"/>).</summary>
    internal static LatencyFigures Of(LatencyHistogram? histogram, RowParts parts) =>
        histogram is { Count: > 0 } h ? new LatencyFigures(h.Copy(parts.Share)) : default;
}
