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

    /// <summary>
    /// Packs the figures of <paramref name="histogram"/> (<see cref="TaskRow.Write"/>): whether anything was
    /// measured, then its buckets by number, shared with the rows' that are alike (<see cref="RowParts"/>),
    /// and its largest value; its count is its buckets'.
    /// </summary>
    internal static void Write(RowWriter figures, LatencyHistogram? histogram, RowParts parts)
    {
        if (histogram is not { Count: > 0 } measured)
        {
            figures.Write(0UL);
            return;
        }
        var number = 0;
        measured.Copy(words =>
        {
            number = parts.NumberOf(words);
            return words;
        });
        figures.Write(number + 1);
        figures.Write(measured.Max);
    }

    internal static LatencyFigures Read(ref RowReader figures, RowParts parts) =>
        figures.ReadInt() is > 0 and var number ? new LatencyFigures(LatencyHistogram.OfCopy(parts.BucketsAt(number - 1), figures.Read())) : default;
}
