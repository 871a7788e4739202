using System.Diagnostics;
using OpenTelemetry;

namespace Ari.Export.Otlp;

/// <summary>
/// Hands finished spans to the exporter in batches, on the caller's thread. The SDK's batch processor
/// drops spans when its queue is full, which suits a live program; an export of a recording should
/// rather wait for the receiver than lose spans, so this one blocks and counts what failed.
/// </summary>
internal sealed class BlockingBatchProcessor(BaseExporter<Activity> exporter, int batchSize = 512) : BaseExportProcessor<Activity>(exporter)
{
    private readonly Activity[] _batch = new Activity[batchSize];
    private int _count;

    public long Sent { get; private set; }

    public long Failed { get; private set; }

    protected override void OnExport(Activity data)
    {
        _batch[_count++] = data;
        if (_count == _batch.Length)
        {
            Send();
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        Send();
        return base.OnForceFlush(timeoutMilliseconds);
    }

    private void Send()
    {
        if (_count == 0)
        {
            return;
        }
        using (var batch = new Batch<Activity>(_batch, _count))
        {
            if (exporter.Export(batch) == ExportResult.Success)
            {
                Sent += _count;
            }
            else
            {
                Failed += _count;
            }
        }
        Array.Clear(_batch, 0, _count);
        _count = 0;
    }
}
