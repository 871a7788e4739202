using System.Globalization;
using System.Text.Json;

namespace Ari.Testing;

/// <summary>A trace-event JSON file (ari export --format perfetto) read back: slices, flows and counters, times in nanoseconds exactly as written.</summary>
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
                case "X":
                    var start = Nanos(e.GetProperty("ts"));
                    Slices.Add(new Slice(track, e.GetProperty("name").GetString()!, e.GetProperty("cat").GetString()!, start, start + Nanos(e.GetProperty("dur")),
                        e.TryGetProperty("args", out var args) ? args.Clone() : default));
                    break;
                case "s" or "f":
                    Flows.Add(new FlowEnd(e.GetProperty("ph").GetString() == "s", e.GetProperty("id").GetUInt64(), track, Nanos(e.GetProperty("ts"))));
                    break;
                case "C":
                    Counters.Add((e.GetProperty("name").GetString()!, Nanos(e.GetProperty("ts")), e.GetProperty("args").Clone()));
                    break;
            }
        }
    }

    public Dictionary<(int Pid, int Tid), string> TrackNames { get; } = [];

    public List<Slice> Slices { get; } = [];

    public List<FlowEnd> Flows { get; } = [];

    public List<(string Name, ulong At, JsonElement Args)> Counters { get; } = [];

    public (int, int) TaskTrack(string label) => TrackNames.Single(track => track.Key.Item1 == 2 && track.Value == label).Key;

    public IEnumerable<Slice> On((int, int) track, string category) => Slices.Where(slice => slice.Track == track && slice.Category == category);

    /// <summary>Arrows as (from, to) pairs by flow ID.</summary>
    public List<(FlowEnd From, FlowEnd To)> Arrows() => Flows.GroupBy(flow => flow.Id)
        .Select(pair => (pair.Single(end => end.Start), pair.Single(end => !end.Start))).ToList();

    private static ulong Nanos(JsonElement micros)
    {
        var text = micros.GetRawText();
        var dot = text.IndexOf('.');
        return dot < 0 ? ulong.Parse(text, CultureInfo.InvariantCulture) * 1000
            : (ulong.Parse(text[..dot], CultureInfo.InvariantCulture) * 1000) + ulong.Parse(text[(dot + 1)..].PadRight(3, '0')[..3], CultureInfo.InvariantCulture);
    }

    public sealed record Slice((int Pid, int Tid) Track, string Name, string Category, ulong Start, ulong End, JsonElement Args);

    public sealed record FlowEnd(bool Start, ulong Id, (int Pid, int Tid) Track, ulong At);
}
