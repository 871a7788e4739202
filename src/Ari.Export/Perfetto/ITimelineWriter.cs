namespace Ari.Export.Perfetto;

/// <summary>
/// One format of the Perfetto export: processes holding tracks of slices, flow arrows bound to slices,
/// and counters, written as the export meets them. Tracks are ordered by number within their process,
/// processes by number.
/// </summary>
public interface ITimelineWriter : IDisposable
{
    /// <summary>Names the processes, once, before anything else.</summary>
    void Processes(IReadOnlyList<(int Pid, string Name)> processes);

    /// <summary>Names a track of a process, before its first slice.</summary>
    void Track(int pid, int tid, string name);

    /// <summary>A slice, perhaps one end of a flow; <paramref name="args"/> adds its arguments.</summary>
    void Slice(int pid, int tid, string name, string category, ulong start, ulong end, Action<ISliceArgs>? args = null, FlowBinding? flow = null);

    /// <summary>One value of the counter named <paramref name="name"/> in a process.</summary>
    void Counter(int pid, string name, ulong at, double value);
}
