using System.Globalization;
using Ari.Console.Model;

namespace Ari.Console.Frames;

/// <summary>
/// The resources view: one row a resource made by the moment, in order of creation: span ID, type (and
/// whether Tokio made it for itself), kind, open or closed, its attributes as of the moment, its async
/// ops and their polls, readiness per operation, and where it was made.
/// </summary>
internal static class ResourcesFrame
{
    public const string Keys = "q quit  ? help  ↑↓ select  enter details  ←→ sort  i invert  / filter  [ ] { } g time  t tasks  w warnings";

    /// <summary>The table of the first resources that fit in <paramref name="room"/> lines of rows, and how many there are.</summary>
    public static (FrameTable Table, int Count) Table(ConsoleSnapshot snapshot, int room)
    {
        var table = new FrameTable(
            new FrameColumn("ID", AlignRight: true), new FrameColumn("Type", MaxWidth: 24), new FrameColumn("Kind"), new FrameColumn("State"),
            new FrameColumn("Attributes", MaxWidth: 40), new FrameColumn("Ops", true), new FrameColumn("Op polls", true),
            new FrameColumn("Readiness", MaxWidth: 30), new FrameColumn("Location"));
        foreach (var resource in snapshot.Resources.Take(FrameTable.Shown(snapshot.Resources.Count, room)))
        {
            table.Add(resource.IsClosed ? FrameStyle.Done : FrameStyle.Plain,
                [
                    resource.SpanId.ToString(CultureInfo.InvariantCulture),
                    resource.ConcreteType + (resource.IsInternal ? " (internal)" : ""),
                    resource.Kind,
                    resource.IsClosed ? "closed" : "open",
                    resource.Attributes,
                    resource.AsyncOps.ToString(CultureInfo.InvariantCulture),
                    resource.AsyncOpPolls.ToString(CultureInfo.InvariantCulture),
                    resource.Readiness,
                    resource.Location,
                ],
                resource.IsClosed ? [] : [(0, FrameStyle.Id)]);
        }
        return (table, snapshot.Resources.Count);
    }
}
