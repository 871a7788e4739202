using System.Buffers;
using Ari.Wire;
using BenchmarkDotNet.Attributes;

namespace Ari.Bench;

/// <summary>The wire decoder and the sequence merger behind it, on the caller's thread and as a <see cref="RecordSource"/> runs them, per record.</summary>
public class DecoderBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Load() => _bytes = Sample.Bytes();

    /// <summary>Decoding and merging on the caller's thread, without the read-ahead thread and the stream.</summary>
    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public long DecodeAndMergeOnCallersThread()
    {
        var buffer = new ReadOnlySequence<byte>(_bytes);
        var merger = new SequenceMerger();
        new WireDecoder().ReadInto(ref buffer, merger);
        merger.Complete();
        long records = 0;
        while (merger.TryTakeReleased(out var released))
        {
            foreach (ref readonly var _ in new ReleasedItems([released]))
            {
                records++;
            }
        }
        return records;
    }

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public long DecodeAndMerge()
    {
        using var source = new RecordSource(new MemoryStream(_bytes, writable: false));
        long records = 0;
        foreach (var _ in source.ReadItems())
        {
            records++;
        }
        return records;
    }
}
