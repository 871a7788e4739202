using System.Buffers;
using System.Text.Json;
using Ari.Model;
using Ari.Wire;

namespace Ari.Views.Json;

/// <summary>
/// Writes each span's <see cref="SpanJson"/> texts when first wanted, with the renderer's options and
/// escaped names, and keeps them until the span's close (<see cref="SpanCache{T}"/>).
/// </summary>
internal sealed class SpanJsonCache(JsonWriterOptions options)
{
    private readonly ArrayBufferWriter<byte> _scratch = new(1024);
    private readonly Utf8JsonWriter _json = new(Stream.Null, options);
    private readonly SpanCache<SpanJson> _spans = new();

    /// <summary><c>[root, …, span]</c>.</summary>
    public byte[] Scope(SpanNode span) => Of(span).Scope;

    /// <summary>The span's fields object for these values (the span's own, or those of its <c>new</c> or a <c>record</c>).</summary>
    public byte[] Fields(SpanNode span, FieldValues values, CallsiteJson names)
    {
        var cached = Of(span);
        if (cached.FieldsFor(values) is { } json)
        {
            return json;
        }
        FieldsJson.Write(Begin(), span.Callsite, values, names);
        json = End();
        cached.KeepFields(values, json);
        return json;
    }

    /// <summary>The span closed: its close was its last line.</summary>
    public void Forget(SpanNode span) => _spans.Forget(span);

    private SpanJson Of(SpanNode span)
    {
        if (_spans.Find(span) is { } texts)
        {
            return texts;
        }
        var json = Begin();
        json.WriteStartArray();
        WriteIds(json, span);
        json.WriteEndArray();
        texts = new SpanJson(End());
        _spans.Keep(span, texts);
        return texts;
    }

    private static void WriteIds(Utf8JsonWriter json, SpanNode span)
    {
        if (span.Parent is { } parent)
        {
            WriteIds(json, parent);
        }
        json.WriteNumberValue(span.Id);
    }

    private Utf8JsonWriter Begin()
    {
        _scratch.ResetWrittenCount();
        _json.Reset(_scratch);
        return _json;
    }

    private byte[] End()
    {
        _json.Flush();
        return _scratch.WrittenSpan.ToArray();
    }
}
