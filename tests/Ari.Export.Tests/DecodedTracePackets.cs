using Google.Protobuf;
using Perfetto.Protos;

namespace Ari.Export.Tests;

/// <summary>
/// A protobuf trace (ari export --format perfetto-proto) decoded with the classes generated from
/// Perfetto's .proto files, and rebuilt as a viewer would: tracks by their descriptors, interned names
/// resolved, each track's begin and end events paired in time order, flows by ID, counter values.
/// </summary>
internal sealed class DecodedTracePackets
{
    public DecodedTracePackets(byte[] bytes)
    {
        var trace = Trace.Parser.ParseFrom(bytes);
        Packets = trace.Packet;
        var names = new Dictionary<ulong, string>();
        var categories = new Dictionary<ulong, string>();
        var argNames = new Dictionary<ulong, string>();
        var events = new List<(ulong At, int Order, TrackEvent Event)>();
        foreach (var (packet, order) in trace.Packet.Select((packet, order) => (packet, order)))
        {
            Assert.Equal(1U, packet.TrustedPacketSequenceId);
            foreach (var name in packet.InternedData?.EventNames ?? [])
            {
                names.Add(name.Iid, name.Name);
            }
            foreach (var category in packet.InternedData?.EventCategories ?? [])
            {
                categories.Add(category.Iid, category.Name);
            }
            foreach (var name in packet.InternedData?.DebugAnnotationNames ?? [])
            {
                argNames.Add(name.Iid, name.Name);
            }
            if (packet.TrackDescriptor is { } track)
            {
                Tracks.Add(track.Uuid, track);
            }
            else if (packet.TrackEvent is { } e)
            {
                Assert.True(Tracks.ContainsKey(e.TrackUuid), $"event on track {e.TrackUuid} before its descriptor");
                events.Add((packet.Timestamp, order, e));
            }
        }
        // As the trace processor does: packets sorted by time, those at the same time kept in file order.
        var open = new Dictionary<ulong, Stack<(ulong At, TrackEvent Begin)>>();
        foreach (var (at, _, e) in events.OrderBy(e => e.At).ThenBy(e => e.Order))
        {
            switch (e.Type)
            {
                case TrackEvent.Types.Type.SliceBegin:
                    Assert.Single(e.CategoryIids);
                    if (!open.TryGetValue(e.TrackUuid, out var stack))
                    {
                        open[e.TrackUuid] = stack = new Stack<(ulong, TrackEvent)>();
                    }
                    stack.Push((at, e));
                    break;
                case TrackEvent.Types.Type.SliceEnd:
                    var (start, begin) = open[e.TrackUuid].Pop();
                    Slices.Add(new Slice(TrackName(e.TrackUuid), names[begin.NameIid], categories[begin.CategoryIids[0]], start, at,
                        begin.DebugAnnotations.ToDictionary(arg => argNames[arg.NameIid], Value), begin.FlowIds.SingleOrDefault(), begin.TerminatingFlowIds.SingleOrDefault()));
                    break;
                case TrackEvent.Types.Type.Counter:
                    Counters.Add((TrackName(e.TrackUuid), at, e.DoubleCounterValue));
                    break;
                default:
                    Assert.Fail($"unexpected event type {e.Type}");
                    break;
            }
        }
        Assert.All(open.Values, stack => Assert.Empty(stack));
    }

    public IReadOnlyList<TracePacket> Packets { get; }

    public Dictionary<ulong, TrackDescriptor> Tracks { get; } = [];

    public List<Slice> Slices { get; } = [];

    public List<(string Track, ulong At, double Value)> Counters { get; } = [];

    /// <summary>A track's name with its process's: <c>tasks/receiver (task 3)</c>.</summary>
    public string TrackName(ulong uuid)
    {
        var track = Tracks[uuid];
        return track.HasParentUuid ? $"{Tracks[track.ParentUuid].Process.ProcessName}/{track.Name}" : track.Process.ProcessName;
    }

    private static object Value(DebugAnnotation arg) => arg.ValueCase switch
    {
        DebugAnnotation.ValueOneofCase.StringValue => arg.StringValue,
        DebugAnnotation.ValueOneofCase.IntValue => arg.IntValue,
        DebugAnnotation.ValueOneofCase.UintValue => arg.UintValue,
        DebugAnnotation.ValueOneofCase.BoolValue => arg.BoolValue,
        _ => throw new InvalidDataException(arg.ToString()),
    };

    /// <summary>A slice; <paramref name="FlowOut"/> and <paramref name="FlowIn"/> are the flow it starts or ends (0: none).</summary>
    public sealed record Slice(string Track, string Name, string Category, ulong Start, ulong End, Dictionary<string, object> Args, ulong FlowOut, ulong FlowIn);
}
