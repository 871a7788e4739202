namespace Ari.Export.Perfetto;

/// <summary>A track of the <c>tasks</c> process: one task's own, a lane tasks take in turn, or a lane of polls.</summary>
internal sealed class Lane(int tid, string name, LaneKind kind)
{
    public int Tid { get; } = tid;

    public string Name { get; } = name;

    public LaneKind Kind { get; } = kind;

    /// <summary>Whether a task holds it now (from when it joined the export to its end).</summary>
    public bool Held { get; set; }

    /// <summary>The end of the latest slice on it: whatever goes on it next starts no earlier.</summary>
    public ulong BusyUntil { get; set; }

    /// <summary>Whether its slices need to say whose they are: the track's name does not.</summary>
    public bool Shared => Kind != LaneKind.Own;
}
