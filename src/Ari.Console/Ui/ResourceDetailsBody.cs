using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>One resource in full at the moment: what it is, its attributes as they stand, its readiness per operation, its async ops with their polls, state and readiness.</summary>
internal static class ResourceDetailsBody
{
    public static ScreenBody Of(ResourceRow row, Func<ulong, string> clock)
    {
        var resource = row.Resource;
        var top = new List<ScreenLine>
        {
            new([
                new FrameCell($"Resource {resource.Id}", FrameStyle.Id),
                new FrameCell($"  {FrameText.Visible(resource.ConcreteType)}{(resource.IsInternal ? " (internal)" : "")}  {FrameText.Visible(resource.Kind)}  "),
                new FrameCell(row.IsClosed ? $"closed at {clock(resource.ClosedAt ?? 0)}" : "open", row.IsClosed ? FrameStyle.Done : FrameStyle.Title),
            ]),
            new($"made at {FrameText.Visible(resource.Location ?? "-")}  in {FrameText.Visible(resource.CreatedIn?.ToString() ?? "-")}  parent {FrameText.Visible(resource.Parent?.ToString() ?? "-")}"),
        };
        var rows = new List<ScreenLine> { new("attributes", FrameStyle.ColumnNames) };
        rows.AddRange(resource.State.Attributes.Select(attribute =>
            new ScreenLine($"  {FrameText.Visible(attribute.ToString())}  ({attribute.Updates} updates, last at {clock(attribute.LastUpdatedAt)})")));
        rows.Add(new ScreenLine("readiness", FrameStyle.ColumnNames));
        rows.AddRange(resource.Readiness.Select(Readiness));
        rows.Add(new ScreenLine($"async ops ({resource.AsyncOps.Count})", FrameStyle.ColumnNames));
        foreach (var op in resource.AsyncOps)
        {
            rows.Add(new ScreenLine(
                $"  {FrameText.Visible(op.ToString())}  {op.Polls} polls  {(op.ClosedAt is { } closed ? $"closed at {clock(closed)}" : "open")}  {FrameText.Visible(op.State.ToString())}",
                op.ClosedAt is null ? FrameStyle.Plain : FrameStyle.Done));
            rows.AddRange(op.Readiness.Select(Readiness));
        }
        return ScreenBody.Text(top, rows);
    }

    private static ScreenLine Readiness(Readiness readiness) =>
        new($"    {FrameText.Visible(readiness.Operation)}: {readiness.Ready} ready, {readiness.Pending} pending");
}
