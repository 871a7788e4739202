using System.Globalization;
using System.Text.Json;

namespace Ari.Testing;

/// <summary>
/// A trace-event JSON file (ari export --format perfetto) read back: slices, the flow ends bound to them
/// (<c>bind_id</c> with <c>flow_out</c> or <c>flow_in</c>), counters and process order, times in
/// nanoseconds exactly as written.
/// </summary>
public sealed class TraceEvents
{
    public TraceEvents(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var e in document.RootElement.GetProperty("traceEvents").EnumerateArray())
        {
            var track = (e.GetProperty("pid").GetInt32(), e.GetProperty("tid").GetInt32());
            switch (e.GetProperty("ph").GetString())
            {
                case "M" when e.GetProperty("name").GetString() == "thread_name":
                    TrackNames[track] = e.GetProperty("args").GetProperty("name").GetString()!;
                    break;
                case "M" when e.GetProperty("name").GetString() == "process_sort_index":
                    ProcessOrder[track.Item1] = e.GetProperty("args").GetProperty("sort_index").GetInt32();
                    break;
                case "X":
                    var start = Nanos(e.GetProperty("ts"));
                    var slice = new Slice(track, e.GetProperty("name").GetString()!, e.GetProperty("cat").GetString()!, start, start + Nanos(e.GetProperty("dur")),
                        e.TryGetProperty("args", out var args) ? args.Clone() : default);
                    Slices.Add(slice);
                    if (e.TryGetProperty("bind_id", out var bind))
                    {
                        Flows.Add(new FlowEnd(Flag(e, "flow_out"), Flag(e, "flow_in"), Convert.ToUInt64(bind.GetString(), 16), slice));
                    }
                    break;
                case "C":
                    Counters.Add(new Counter(e.GetProperty("name").GetString()!, Nanos(e.GetProperty("ts")), e.GetProperty("args").Clone(), e.TryGetProperty("id", out _)));
                    break;
            }
        }
    }

    public Dictionary<(int Pid, int Tid), string> TrackNames { get; } = [];

    public List<Slice> Slices { get; } = [];

    public List<FlowEnd> Flows { get; } = [];

    public List<Counter> Counters { get; } = [];

    /// <summary>Each process's <c>process_sort_index</c>, by pid.</summary>
    public Dictionary<int, int> ProcessOrder { get; } = [];

    public (int, int) TaskTrack(string label) => TrackNames.Single(track => track.Key.Item1 == 2 && track.Value == label).Key;

    public IEnumerable<Slice> On((int, int) track, string category) => Slices.Where(slice => slice.Track == track && slice.Category == category);

    /// <summary>Arrows as (from, to) pairs by flow ID: the slice it leaves and the slice it enters.</summary>
    public List<(FlowEnd From, FlowEnd To)> Arrows() => Flows.GroupBy(flow => flow.Id)
        .Select(pair => (pair.Single(end => end.Out), pair.Single(end => end.In))).ToList();

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var flag) && flag.GetBoolean();

    private static ulong Nanos(JsonElement micros)
    {
        var text = micros.GetRawText();
        var dot = text.IndexOf('.');
        return dot < 0 ? ulong.Parse(text, CultureInfo.InvariantCulture) * 1000
            : (ulong.Parse(text[..dot], CultureInfo.InvariantCulture) * 1000) + ulong.Parse(text[(dot + 1)..].PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
    }

    public sealed record Slice((int Pid, int Tid) Track, string Name, string Category, ulong Start, ulong End, JsonElement Args);

    /// <summary>A slice's end of a flow; the arrow touches the slice at its start.</summary>
    public sealed record FlowEnd(bool Out, bool In, ulong Id, Slice Slice)
    {
        public (int Pid, int Tid) Track => Slice.Track;

        public ulong At => Slice.Start;
    }

    /// <summary>A counter event; <paramref name="HasId"/> says whether it carried an <c>id</c>.</summary>
    public sealed record Counter(string Name, ulong At, JsonElement Args, bool HasId);
}
