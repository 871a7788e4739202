using System.Buffers;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>
/// The values of one JSON array, made before the line that holds them is written (a resource's updates and
/// async ops, written when it ends): kept as their JSON text, a few kilobytes in memory and the rest in a
/// spill file, so a resource that lives as long as the program costs disk, not memory, for its history.
/// </summary>
internal sealed class JsonValueLog(Lazy<SpillFile> spill)
{
    /// <summary>The text kept in memory before it goes to the spill file as one block.</summary>
    private const int MemoryBytes = 4 * 1024;

    private readonly ArrayBufferWriter<byte> _open = new(256);
    private List<(long Offset, int Length)>? _blocks;

    /// <summary>Appends one value, its length first.</summary>
    public void Append(ReadOnlySpan<byte> value)
    {
        BitConverter.TryWriteBytes(_open.GetSpan(sizeof(int)), value.Length);
        _open.Advance(sizeof(int));
        _open.Write(value);
        if (_open.WrittenCount >= MemoryBytes)
        {
            var file = spill.Value;
            (_blocks ??= []).Add((file.Length, _open.WrittenCount));
            file.Append(_open.WrittenSpan);
            _open.ResetWrittenCount();
        }
    }

    /// <summary>Writes every value appended, in order, into the array <paramref name="json"/> has open.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        if (_blocks is not null)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(_blocks.Max(block => block.Length));
            try
            {
                foreach (var (offset, length) in _blocks)
                {
                    var block = buffer.AsSpan(0, length);
                    if (spill.Value.Read(offset, block) < length)
                    {
                        throw new IOException("a resource's spilled values were cut short");
                    }
                    WriteValues(json, block);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        WriteValues(json, _open.WrittenSpan);
    }

    private static void WriteValues(Utf8JsonWriter json, ReadOnlySpan<byte> values)
    {
        while (!values.IsEmpty)
        {
            var length = BitConverter.ToInt32(values);
            json.WriteRawValue(values.Slice(sizeof(int), length), skipInputValidation: true);
            values = values[(sizeof(int) + length)..];
        }
    }
}
