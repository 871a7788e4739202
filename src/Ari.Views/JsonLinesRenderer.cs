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

    // The fixed words, escaped once; indexed by the enums' values.
    private static readonly JsonEncodedText[] Ops = [.. Enum.GetValues<TraceOp>().Select(op => JsonEncodedText.Encode(OpName(op)))];
    private static readonly JsonEncodedText[] WakeClasses = [.. Enum.GetValues<WakeClass>().Select(wake => JsonEncodedText.Encode(WakeClassName(wake)))];
    private static readonly JsonEncodedText[] Kinds =
        [.. Enum.GetValues<InstrumentationKind>().Select(kind => JsonEncodedText.Encode(Instrumentation.Name(kind)))];

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly CallsiteMap<CallsiteJson> _callsites = new(callsite => new CallsiteJson(callsite, Options.Encoder!));
    private readonly JsonTexts _texts = new(Options.Encoder!);
    private readonly RecentTimestamps _timestamps = new();
    private readonly JsonSpanTexts _spans;

    /// <summary>Waker events carry <c>"wake": {"class", "task", "by"}</c>.</summary>
    public bool ShowsWakes => true;

    public JsonLinesRenderer(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, Options);
        _spans = new JsonSpanTexts(Options, _texts);
    }

    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
        var json = _json;
        json.WriteStartObject();
        // Digits and punctuation only: written as they are, quoted, with no scan for characters to escape.
        Span<byte> timestamp = stackalloc byte[Timestamps.Length + 2];
        timestamp[0] = timestamp[^1] = (byte)'"';
        _timestamps.Write(facts.Replay.WallClock(entry.Timestamp), timestamp[1..^1]);
        json.WritePropertyName(JsonNames.Ts);
        json.WriteRawValue(timestamp, skipInputValidation: true);
        json.WritePropertyName(JsonNames.Thread);
        _texts.WriteValue(json, entry.Thread.ToString());
        json.WriteNumber(JsonNames.Tid, entry.Thread.Info.OsThreadId);
        json.WriteString(JsonNames.Op, Ops[(int)entry.Op]);
        if (entry.Span is { } span)
        {
            json.WriteNumber(JsonNames.Id, span.Id);
        }
        if (entry.Parent is { } parent)
        {
            json.WriteNumber(JsonNames.Parent, parent.Id);
            json.WritePropertyName(JsonNames.Scope);
            json.WriteRawValue(_spans.Scope(parent), skipInputValidation: true);
        }
        else
        {
            json.WriteNull(JsonNames.Parent);
            json.WriteStartArray(JsonNames.Scope);
            json.WriteEndArray();
        }
        var callsite = _callsites[entry.Callsite];
        json.WriteString(JsonNames.Name, callsite.Name);
        json.WriteString(JsonNames.Target, callsite.Target);
        json.WriteString(JsonNames.Level, callsite.Level);
        json.WriteString(JsonNames.Kind, Kinds[(int)facts.Kind]);
        if (entry.Follows is { } follows)
        {
            json.WriteNumber(JsonNames.Follows, follows.Id);
        }
        json.WritePropertyName(JsonNames.Fields);
        if (entry.Span is { } fieldsSpan)
        {
            json.WriteRawValue(_spans.Fields(fieldsSpan, FieldsOf(entry), callsite), skipInputValidation: true);
        }
        else
        {
            WriteFields(json, entry.Callsite, entry.Values, callsite, _texts);
        }
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

    /// <summary>A span's or event's fields as one JSON object, values typed as recorded (also the SQL tables' <c>fields</c>).</summary>
    public static void WriteFields(Utf8JsonWriter json, Callsite callsite, FieldValues values) =>
        WriteFields(json, callsite, values, null, null);

    /// <summary>With the renderer's escaped names and texts, when it has them.</summary>
    internal static void WriteFields(Utf8JsonWriter json, Callsite callsite, FieldValues values, CallsiteJson? names, JsonTexts? texts)
    {
        json.WriteStartObject();
        foreach (var field in values)
        {
            if (names is null)
            {
                json.WritePropertyName(FieldName(callsite, field.Index));
            }
            else
            {
                json.WritePropertyName(names.FieldName(field.Index));
            }
            WriteValue(json, field.Value, texts);
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, FieldValue value, JsonTexts? texts)
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
            case FieldValueType.Str or FieldValueType.Debug or FieldValueType.Error when texts is not null: texts.WriteValue(json, value.Text); break;
            default: json.WriteStringValue(value.Text); break;
        }
    }

    private static void WriteWake(Utf8JsonWriter json, Wake wake)
    {
        json.WriteStartObject(JsonNames.Wake);
        json.WriteString(JsonNames.Class, WakeClasses[(int)wake.Class]);
        json.WriteNumber(JsonNames.Task, wake.Task);
        if (wake.By is { } by)
        {
            json.WriteNumber(JsonNames.By, by);
        }
        else
        {
            json.WriteNull(JsonNames.By);
        }
        if (wake.Deferred)
        {
            json.WriteBoolean(JsonNames.Deferred, true);
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
