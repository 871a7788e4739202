using System.Buffers;

namespace Ari.Wire.Tests;

/// <summary>
/// Writes a recording with <see cref="WireWriter"/> and remembers what a decoder must return for it: each
/// record with the offset its frame was written at, and every frame boundary (Batch and unknown frames too).
/// </summary>
internal sealed class RecordingBuilder
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly WireWriter _writer;
    private readonly List<(WireRecord Record, long End)> _records = [];
    private readonly List<long> _boundaries = [];

    public RecordingBuilder(bool header = true)
    {
        _writer = new WireWriter(_output);
        if (header)
        {
            _writer.WriteHeader();
            _boundaries.Add(_output.WrittenCount);
        }
    }

    /// <summary>The records a decoder returns, with their offsets, in stream (not sequence) order.</summary>
    public IReadOnlyList<WireRecord> Records => _records.ConvertAll(r => r.Record);

    /// <summary>Offsets at which a whole frame (or the header) ends.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;

    public long Length => _output.WrittenCount;

    public RecordingBuilder Add(params WireRecord[] records)
    {
        foreach (WireRecord record in records)
        {
            long start = _output.WrittenCount;
            _writer.Write(record);
            _boundaries.Add(_output.WrittenCount);
            _records.Add((record with { Offset = start }, _output.WrittenCount));
        }

        return this;
    }

    public RecordingBuilder Batch(int thread, ulong sequence, ulong timestamp)
    {
        _writer.BeginBatch(thread, sequence, timestamp);
        _boundaries.Add(_output.WrittenCount);
        return this;
    }

    /// <summary>Opens a batch at the first record and adds them all.</summary>
    public RecordingBuilder Batch(params CallbackRecord[] records)
    {
        Batch(records[0].ThreadIndex, records[0].Sequence, records[0].Timestamp);
        return Add(records);
    }

    public RecordingBuilder Frame(byte kind, params byte[] body)
    {
        _writer.WriteFrame(kind, body);
        _boundaries.Add(_output.WrittenCount);
        return this;
    }

    /// <summary>The records whose frames end at or before <paramref name="cut"/>.</summary>
    public List<WireRecord> RecordsBefore(long cut) => _records.FindAll(r => r.End <= cut).ConvertAll(r => r.Record);

    public byte[] ToArray() => _output.WrittenSpan.ToArray();
}
