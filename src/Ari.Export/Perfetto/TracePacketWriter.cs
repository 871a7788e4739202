using Google.Protobuf;
using Perfetto.Protos;

namespace Ari.Export.Perfetto;

/// <summary>
/// Perfetto's own protobuf trace: a <c>Trace</c> message, its <c>TracePacket</c>s written one after
/// another, which Perfetto reads natively (no JSON to parse) and which is smaller than the JSON. A process
/// is a <c>TrackDescriptor</c> with a <c>ProcessDescriptor</c>, each of its tracks (and counters) a child
/// descriptor ordered by rank; a slice is a <c>TrackEvent</c> begin and end, its arguments debug
/// annotations, a flow arrow <c>flow_ids</c> on the slice it leaves and <c>terminating_flow_ids</c> on the
/// one it enters. Event names, categories and argument names are interned on the one packet sequence:
/// each string is written once, then referred to by number.
/// </summary>
public sealed class TracePacketWriter : ITimelineWriter
{
    private const uint Sequence = 1;

    /// <summary>Counter tracks' UUIDs start above every process and track UUID (pid in the high half, tid in the low).</summary>
    private const ulong FirstCounterUuid = 1UL << 48;

    private readonly Stream _output;
    private readonly CodedOutputStream _coded;
    private readonly AnnotationArgs _args;
    private readonly Dictionary<string, ulong> _names = [];
    private readonly Dictionary<string, ulong> _categories = [];
    private readonly Dictionary<string, ulong> _argNames = [];
    private readonly Dictionary<(int Pid, string Name), ulong> _counters = [];
    private InternedData? _interned;
    private bool _started;

    public TracePacketWriter(Stream output)
    {
        _output = output;
        _coded = new CodedOutputStream(output, leaveOpen: true);
        _args = new AnnotationArgs(this);
    }

    public void Processes(IReadOnlyList<(int Pid, string Name)> processes)
    {
        foreach (var (pid, name) in processes)
        {
            Write(new TracePacket
            {
                TrackDescriptor = new TrackDescriptor
                {
                    Uuid = (ulong)pid,
                    Process = new ProcessDescriptor { Pid = pid, ProcessName = name },
                    ChildOrdering = TrackDescriptor.Types.ChildTracksOrdering.Explicit,
                },
            });
        }
    }

    public void Track(int pid, int tid, string name) => Write(new TracePacket
    {
        TrackDescriptor = new TrackDescriptor { Uuid = TrackUuid(pid, tid), ParentUuid = (ulong)pid, Name = name, SiblingOrderRank = tid },
    });

    public void Slice(int pid, int tid, string name, string category, ulong start, ulong end, Action<ISliceArgs>? args = null, FlowBinding? flow = null)
    {
        var track = TrackUuid(pid, tid);
        var begin = new TrackEvent { Type = TrackEvent.Types.Type.SliceBegin, TrackUuid = track, NameIid = Intern(_names, name, InternedName.Event) };
        begin.CategoryIids.Add(Intern(_categories, category, InternedName.Category));
        if (flow is { } binding)
        {
            (binding.Incoming ? begin.TerminatingFlowIds : begin.FlowIds).Add(binding.BindId);
        }
        if (args is not null)
        {
            _args.Event = begin;
            args(_args);
        }
        Write(new TracePacket { Timestamp = start, TrackEvent = begin });
        Write(new TracePacket { Timestamp = end, TrackEvent = new TrackEvent { Type = TrackEvent.Types.Type.SliceEnd, TrackUuid = track } });
    }

    public void Counter(int pid, string name, ulong at, double value)
    {
        if (!_counters.TryGetValue((pid, name), out var uuid))
        {
            uuid = FirstCounterUuid + (ulong)_counters.Count;
            _counters[(pid, name)] = uuid;
            Write(new TracePacket
            {
                TrackDescriptor = new TrackDescriptor { Uuid = uuid, ParentUuid = (ulong)pid, Name = name, Counter = new CounterDescriptor(), SiblingOrderRank = _counters.Count },
            });
        }
        Write(new TracePacket { Timestamp = at, TrackEvent = new TrackEvent { Type = TrackEvent.Types.Type.Counter, TrackUuid = uuid, DoubleCounterValue = value } });
    }

    public void Dispose()
    {
        _coded.Flush();
        _coded.Dispose();
        _output.Flush();
    }

    private static ulong TrackUuid(int pid, int tid) => ((ulong)pid << 32) | (uint)tid;

    /// <summary>A packet of the trace (field 1 of <c>Trace</c>), with the strings it interns first.</summary>
    private void Write(TracePacket packet)
    {
        packet.TrustedPacketSequenceId = Sequence;
        // The first packet starts the sequence's interning; every later one may refer to what it interned.
        packet.SequenceFlags = (uint)(_started ? TracePacket.Types.SequenceFlags.SeqNeedsIncrementalState : TracePacket.Types.SequenceFlags.SeqIncrementalStateCleared);
        _started = true;
        if (_interned is not null)
        {
            packet.InternedData = _interned;
            _interned = null;
        }
        _coded.WriteTag(Trace.PacketFieldNumber, WireFormat.WireType.LengthDelimited);
        _coded.WriteMessage(packet);
    }

    private ulong Intern(Dictionary<string, ulong> table, string name, InternedName kind)
    {
        if (table.TryGetValue(name, out var iid))
        {
            return iid;
        }
        // Interning IDs start at 1: 0 means none.
        iid = (ulong)table.Count + 1;
        table[name] = iid;
        _interned ??= new InternedData();
        switch (kind)
        {
            case InternedName.Event: _interned.EventNames.Add(new EventName { Iid = iid, Name = name }); break;
            case InternedName.Category: _interned.EventCategories.Add(new EventCategory { Iid = iid, Name = name }); break;
            default: _interned.DebugAnnotationNames.Add(new DebugAnnotationName { Iid = iid, Name = name }); break;
        }
        return iid;
    }

    private enum InternedName
    {
        Event,
        Category,
        Argument,
    }

    /// <summary>A slice's arguments as debug annotations of its begin event, their names interned.</summary>
    private sealed class AnnotationArgs(TracePacketWriter writer) : ISliceArgs
    {
        public TrackEvent Event { get; set; } = new();

        public void Add(string name, string value) => Event.DebugAnnotations.Add(new DebugAnnotation { NameIid = Name(name), StringValue = value });

        public void Add(string name, long value) => Event.DebugAnnotations.Add(new DebugAnnotation { NameIid = Name(name), IntValue = value });

        public void Add(string name, ulong value) => Event.DebugAnnotations.Add(new DebugAnnotation { NameIid = Name(name), UintValue = value });

        public void Add(string name, bool value) => Event.DebugAnnotations.Add(new DebugAnnotation { NameIid = Name(name), BoolValue = value });

        private ulong Name(string name) => writer.Intern(writer._argNames, name, InternedName.Argument);
    }
}
