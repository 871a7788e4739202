using System.Buffers;
using Ari.Wire;
using BenchmarkDotNet.Attributes;

namespace Ari.Bench;

/// <summary>The wire decoder alone, and with the sequence merger behind it, per record.</summary>
public class DecoderBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Load() => _bytes = Sample.Bytes();

    [Benchmark(OperationsPerInvoke = Sample.Records)]
    public long Decode()
    {
        var buffer = new ReadOnlySequence<byte>(_bytes);
        var decoder = new WireDecoder();
        long records = 0;
        while (decoder.TryReadItem(ref buffer, out _))
        {
            records++;
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
