using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views.Json;

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

    // The fixed parts of a line as ready bytes, indexed by the enums' values.
    private static readonly byte[][] OpParts = [.. Enum.GetValues<TraceOp>().Select(op => Utf8($",\"op\":\"{OpName(op)}\""))];
    private static readonly byte[][] WakeParts = [.. Enum.GetValues<WakeClass>().Select(wake => Utf8($",\"wake\":{{\"class\":\"{wake.Name()}\",\"task\":"))];
    private static readonly byte[][] KindParts =
        [.. Enum.GetValues<InstrumentationKind>().Select(kind => Utf8($",\"kind\":\"{Instrumentation.Name(kind)}\""))];

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>Writes events' fields, whose values vary; the rest of a line is written as ready bytes.</summary>
    private readonly Utf8JsonWriter _json;
    private readonly CallsiteMap<CallsiteJson> _callsites;
    private readonly TimestampCache _timestamps = new();
    private readonly SpanJsonCache _spans;
    private readonly ThreadJsonCache _threads = new(Options.Encoder!);

    /// <summary>Waker events carry <c>"wake": {"class", "task", "by"}</c>.</summary>
    public bool ShowsWakes => true;

    public JsonLinesRenderer(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, Options);
        var strings = new JsonStringCache(Options.Encoder!);
        _callsites = new(callsite => new CallsiteJson(callsite, Options.Encoder!, strings));
        _spans = new SpanJsonCache(Options);
    }

    /// <remarks>
    /// A line's names, punctuation and recurring texts (a thread's name and ID, a callsite's name,
    /// target and level, a span's scope and fields) are bytes made once and copied, not written through
    /// <see cref="Utf8JsonWriter"/>, which checks and escapes every name and value on every line; only an
    /// event's fields go through it.
    /// </remarks>
    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
        Raw("{\"ts\":\""u8);
        _timestamps.Write(facts.Replay.WallClock(entry.Timestamp), _buffer.GetSpan(Timestamps.Length)[..Timestamps.Length]);
        _buffer.Advance(Timestamps.Length);
        Raw("\","u8);
        Raw(_threads.Of(entry.Thread));
        Raw(OpParts[(int)entry.Op]);
        if (entry.Span is { } span)
        {
            Raw(",\"id\":"u8);
            Number(span.Id);
        }
        if (entry.Parent is { } parent)
        {
            Raw(",\"parent\":"u8);
            Number(parent.Id);
            Raw(",\"scope\":"u8);
            Raw(_spans.Scope(parent));
        }
        else
        {
            Raw(",\"parent\":null,\"scope\":[]"u8);
        }
        var callsite = _callsites[entry.Callsite];
        Raw(callsite.NameTargetLevel);
        Raw(KindParts[(int)facts.Kind]);
        if (entry.Follows is { } follows)
        {
            Raw(",\"follows\":"u8);
            Number(follows.Id);
        }
        Raw(",\"fields\":"u8);
        if (entry.Span is { } fieldsSpan)
        {
            Raw(_spans.Fields(fieldsSpan, FieldsOf(entry), callsite));
            if (entry.Op == TraceOp.Close)
            {
                _spans.Forget(fieldsSpan);
            }
        }
        else
        {
            _json.Reset();
            FieldsJson.Write(_json, entry.Callsite, entry.Values, callsite);
            _json.Flush();
        }
        if (facts.Wake is { } wake)
        {
            WriteWake(wake);
        }
        Raw("}\n"u8);
        if (_buffer.WrittenCount >= 60 * 1024)
        {
            Send();
        }
    }

    public void Flush()
    {
        Send();
        _output.Flush();
    }

    /// <summary>Hands the lines to the output without flushing it, which may write them on a thread of its own.</summary>
    private void Send()
    {
        _json.Flush();
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
    }

    /// <summary>Events and records carry their own values; other span operations show the span's.</summary>
    private static FieldValues FieldsOf(in TraceEntry entry) =>
        entry.Op is TraceOp.Event or TraceOp.New or TraceOp.Record || entry.Span is null ? entry.Values : entry.Span.Values;

    private void WriteWake(Wake wake)
    {
        Raw(WakeParts[(int)wake.Class]);
        Number(wake.Task);
        Raw(",\"by\":"u8);
        if (wake.By is { } by)
        {
            Number(by);
        }
        else
        {
            Raw("null"u8);
        }
        if (wake.TaskClosed)
        {
            Raw(",\"task_closed\":true"u8);
        }
        Raw("}"u8);
    }

    private void Raw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    private void Number(ulong value)
    {
        value.TryFormat(_buffer.GetSpan(20), out var written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

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
}
