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
    public const string Keys = "q quit  ↑↓ select  enter details  s sort  / filter  ←→ time  t tasks  w warnings  ? help";

    public static FrameTable Table(ConsoleSnapshot snapshot)
    {
        var table = new FrameTable(
            new FrameColumn("ID", AlignRight: true), new FrameColumn("Type", MaxWidth: 24), new FrameColumn("Kind"), new FrameColumn("State"),
            new FrameColumn("Attributes", MaxWidth: 40), new FrameColumn("Ops", true), new FrameColumn("Op polls", true),
            new FrameColumn("Readiness", MaxWidth: 30), new FrameColumn("Location"));
        foreach (var row in snapshot.Resources)
        {
            var resource = row.Resource;
            table.Add(row.IsClosed ? FrameStyle.Done : FrameStyle.Plain,
                [
                    resource.Id.ToString(CultureInfo.InvariantCulture),
                    resource.ConcreteType + (resource.IsInternal ? " (internal)" : ""),
                    resource.Kind,
                    row.IsClosed ? "closed" : "open",
                    resource.State.ToString(),
                    resource.AsyncOps.Count.ToString(CultureInfo.InvariantCulture),
                    resource.AsyncOps.Sum(op => op.Polls).ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", resource.Readiness.Select(op => $"{op.Operation} {op.Ready}/{op.Ready + op.Pending} ready")),
                    resource.Location,
                ],
                row.IsClosed ? [] : [(0, FrameStyle.Id)]);
        }
        return table;
    }
}
