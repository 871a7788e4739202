using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ari.Export.Perfetto;

/// <summary>
/// Writes Chrome's trace-event JSON (<c>{"traceEvents":[…]}</c>), which both the Perfetto UI and
/// chrome://tracing open, one event at a time into a stream. Times are nanoseconds since the recording's
/// anchor, written as microseconds with three decimals, so nothing is rounded away.
/// </summary>
public sealed class TraceEventWriter : ITimelineWriter
{
    private const int FlushAt = 64 * 1024;

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly JsonArgs _args;

    public TraceEventWriter(Stream output, ulong anchorUnixNanos)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("displayTimeUnit", "ns");
        _json.WriteStartObject("otherData");
        _json.WriteString("producer", "ari export --format perfetto");
        _json.WriteNumber("anchor_unix_ns", anchorUnixNanos);
        _json.WriteEndObject();
        _json.WriteStartArray("traceEvents");
        _args = new JsonArgs(_json);
    }

    public void Processes(IReadOnlyList<(int Pid, string Name)> processes)
    {
        foreach (var (pid, name) in processes)
        {
            Metadata("process_name", pid, 0, name);
        }
        // Viewers otherwise sort processes by name.
        foreach (var (pid, _) in processes)
        {
            Metadata("process_sort_index", pid, 0, "", pid);
        }
    }

    public void Track(int pid, int tid, string name)
    {
        Metadata("thread_name", pid, tid, name);
        // By number, not by name: tokio-runtime-worker#10 after #9.
        Metadata("thread_sort_index", pid, tid, "", tid);
    }

    /// <summary>A <c>process_name</c>, <c>thread_name</c>, <c>process_sort_index</c> or <c>thread_sort_index</c> record.</summary>
    private void Metadata(string what, int pid, int tid, string name, int? sortIndex = null)
    {
        Begin("M", pid, tid);
        _json.WriteString("name", what);
        _json.WriteStartObject("args");
        if (sortIndex is { } index)
        {
            _json.WriteNumber("sort_index", index);
        }
        else
        {
            _json.WriteString("name", name);
        }
        _json.WriteEndObject();
        End();
    }

    /// <summary>A slice (<c>ph: X</c>), perhaps one end of a flow; <paramref name="args"/> writes properties into its <c>args</c>.</summary>
    public void Slice(int pid, int tid, string name, string category, ulong start, ulong end, Action<ISliceArgs>? args = null, FlowBinding? flow = null)
    {
        Begin("X", pid, tid);
        _json.WriteString("name", name);
        _json.WriteString("cat", category);
        Time("ts", start);
        Time("dur", end - start);
        if (flow is { } binding)
        {
            // Hex in a string, as the format's own examples write IDs: the Perfetto importer reads bind_id so.
            _json.WriteString("bind_id", "0x" + binding.BindId.ToString("x", CultureInfo.InvariantCulture));
            _json.WriteBoolean(binding.Incoming ? "flow_in" : "flow_out", true);
        }
        if (args is not null)
        {
            _json.WriteStartObject("args");
            args(_args);
            _json.WriteEndObject();
        }
        End();
    }

    /// <summary>
    /// One value of a counter track (<c>ph: C</c>). One series a name, and no <c>id</c>: the legacy viewer
    /// keeps only the series of a counter's first event and appends an <c>id</c> to the name it shows.
    /// </summary>
    public void Counter(int pid, string name, ulong at, double value)
    {
        Begin("C", pid, 0);
        _json.WriteString("name", name);
        Time("ts", at);
        _json.WriteStartObject("args");
        _json.WriteNumber("value", value);
        _json.WriteEndObject();
        End();
    }

    public void Dispose()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
        _output.Flush();
    }

    private void Begin(string phase, int pid, int tid)
    {
        _json.WriteStartObject();
        _json.WriteString("ph", phase);
        _json.WriteNumber("pid", pid);
        _json.WriteNumber("tid", tid);
    }

    private void End()
    {
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushAt)
        {
            _json.Flush();
        }
    }

    private void Time(string name, ulong nanos)
    {
        Span<byte> digits = stackalloc byte[32];
        var micros = nanos / 1000;
        micros.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        digits[length++] = (byte)'.';
        (nanos % 1000).TryFormat(digits[length..], out var fraction, "000", CultureInfo.InvariantCulture);
        _json.WritePropertyName(name);
        _json.WriteRawValue(digits[..(length + fraction)], skipInputValidation: true);
    }

    private sealed class JsonArgs(Utf8JsonWriter json) : ISliceArgs
    {
        public void Add(string name, string value) => json.WriteString(name, value);

        public void Add(string name, long value) => json.WriteNumber(name, value);

        public void Add(string name, ulong value) => json.WriteNumber(name, value);

        public void Add(string name, bool value) => json.WriteBoolean(name, value);
    }
}
