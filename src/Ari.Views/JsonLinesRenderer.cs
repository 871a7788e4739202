using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views;

/// <summary>
/// One JSON object a line per entry: <c>ts</c>, <c>thread</c>, <c>tid</c>, <c>op</c>, <c>id</c>,
/// <c>parent</c>, <c>scope</c>, <c>name</c>, <c>target</c>, <c>level</c>, <c>kind</c>, <c>fields</c>
/// (values typed as recorded), and <c>follows</c> for follows-from.
/// </summary>
public sealed class JsonLinesRenderer : IEntryRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Readable non-ASCII text; control characters and quotes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;

    public JsonLinesRenderer(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString("ts"u8, Timestamps.Rfc3339(facts.Replay.WallClock(entry.Timestamp)));
        json.WriteString("thread"u8, entry.Thread.ToString());
        json.WriteNumber("tid"u8, entry.Thread.Info.OsThreadId);
        json.WriteString("op"u8, OpName(entry.Op));
        if (entry.Span is { } span)
        {
            json.WriteNumber("id"u8, span.Id);
        }
        if (entry.Parent is { } parent)
        {
            json.WriteNumber("parent"u8, parent.Id);
        }
        else
        {
            json.WriteNull("parent"u8);
        }
        json.WriteStartArray("scope"u8);
        foreach (var outer in entry.Scope())
        {
            json.WriteNumberValue(outer.Id);
        }
        json.WriteEndArray();
        var callsite = entry.Callsite;
        json.WriteString("name"u8, callsite.Name);
        json.WriteString("target"u8, callsite.Target);
        json.WriteString("level"u8, LevelName(callsite.Level));
        json.WriteString("kind"u8, Instrumentation.Name(facts.Kind));
        if (entry.Follows is { } follows)
        {
            json.WriteNumber("follows"u8, follows.Id);
        }
        json.WritePropertyName("fields"u8);
        WriteFields(json, callsite, FieldsOf(entry));
        if (facts.Wake is { } wake)
        {
            WriteWake(json, wake);
        }
        json.WriteEndObject();
        json.Flush();
        _buffer.Write("\n"u8);
        _json.Reset();
        if (_buffer.WrittenCount >= 60 * 1024)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _json.Flush();
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }

    /// <summary>Events and records carry their own values; other span operations show the span's.</summary>
    private static FieldValues FieldsOf(in TraceEntry entry) =>
        entry.Op is TraceOp.Event or TraceOp.New or TraceOp.Record || entry.Span is null ? entry.Values : entry.Span.Values;

    private static void WriteFields(Utf8JsonWriter json, Callsite callsite, FieldValues values)
    {
        json.WriteStartObject();
        foreach (var field in values)
        {
            json.WritePropertyName(FieldName(callsite, field.Index));
            WriteValue(json, field.Value);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, FieldValue value)
    {
        switch (value.Type)
        {
            case FieldValueType.I64: json.WriteNumberValue(value.I64); break;
            case FieldValueType.U64: json.WriteNumberValue(value.U64); break;
            // JSON numbers have no size limit; System.Text.Json has no 128-bit writer, so write the digits.
            case FieldValueType.I128: json.WriteRawValue(value.I128.ToString(System.Globalization.CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case FieldValueType.U128: json.WriteRawValue(value.U128.ToString(System.Globalization.CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case FieldValueType.F64 when double.IsFinite(value.F64): json.WriteNumberValue(value.F64); break;
            case FieldValueType.F64: json.WriteStringValue(RustFloat.NonFinite(value.F64)); break;
            case FieldValueType.Bool: json.WriteBooleanValue(value.Bool); break;
            default: json.WriteStringValue(value.Text); break;
        }
    }

    private static void WriteWake(Utf8JsonWriter json, Wake wake)
    {
        json.WriteStartObject("wake"u8);
        json.WriteString("class"u8, WakeClassName(wake.Class));
        json.WriteNumber("task"u8, wake.Task);
        if (wake.By is { } by)
        {
            json.WriteNumber("by"u8, by);
        }
        else
        {
            json.WriteNull("by"u8);
        }
        if (wake.Deferred)
        {
            json.WriteBoolean("deferred"u8, true);
        }
        json.WriteEndObject();
    }

    public static string WakeClassName(WakeClass wakeClass) => wakeClass switch
    {
        WakeClass.Self => "self",
        WakeClass.Task => "task",
        _ => "outside",
    };

    public static string FieldName(Callsite callsite, int index) =>
        index < callsite.FieldNames.Count ? callsite.FieldNames[index] : $"field{index}";

    private static string OpName(TraceOp op) => op switch
    {
        TraceOp.New => "new",
        TraceOp.Enter => "enter",
        TraceOp.Exit => "exit",
        TraceOp.Close => "close",
        TraceOp.Record => "record",
        TraceOp.Follows => "follows",
        _ => "event",
    };

    public static string LevelName(Level level) => level switch
    {
        Level.Trace => "TRACE",
        Level.Debug => "DEBUG",
        Level.Info => "INFO",
        Level.Warn => "WARN",
        _ => "ERROR",
    };
}
