using System.Buffers;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>
/// Makes one JSON value's text apart from the line it will be written in (<see cref="JsonValueLog"/>),
/// with the lines' own options, so the line reads as if it had been written at once. One buffer, reused.
/// </summary>
internal sealed class JsonValue
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public JsonValue() => _json = new Utf8JsonWriter(_buffer, JsonLines.Options);

    /// <summary>The text <paramref name="write"/> makes; valid until the next call.</summary>
    public ReadOnlySpan<byte> Of(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        write(_json);
        _json.Flush();
        return _buffer.WrittenSpan;
    }
}
