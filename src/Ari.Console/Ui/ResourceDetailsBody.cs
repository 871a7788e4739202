using Ari.Console.Frames;
using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>One resource in full at the moment: what it is, its attributes as they stand with their updates, its readiness per operation, its async ops and their polls.</summary>
internal static class ResourceDetailsBody
{
    public static ScreenBody Of(ResourceRow row, Func<ulong, string> clock)
    {
        var top = new List<ScreenLine>
        {
            new([
                new FrameCell($"Resource {row.SpanId}", FrameStyle.Id),
                new FrameCell($"  {FrameText.Visible(row.ConcreteType)}{(row.IsInternal ? " (internal)" : "")}  {FrameText.Visible(row.Kind)}  "),
                new FrameCell(row.ClosedAt is { } closed ? $"closed at {clock(closed)}" : "open", row.IsClosed ? FrameStyle.Done : FrameStyle.Title),
            ]),
            new($"made at {FrameText.Visible(row.Location ?? "-")}  in {FrameText.Visible(row.CreatedIn ?? "-")}  at {clock(row.CreatedAt)}"),
        };
        var rows = new List<ScreenLine> { new("attributes", FrameStyle.ColumnNames) };
        rows.AddRange(row.AttributeList.Select(attribute =>
            new ScreenLine($"  {FrameText.Visible(attribute.ToString())}  ({attribute.Updates} updates, last at {clock(attribute.LastUpdatedAt)})")));
        rows.Add(new ScreenLine("readiness", FrameStyle.ColumnNames));
        if (row.Readiness.Length > 0)
        {
            rows.Add(new ScreenLine($"  {FrameText.Visible(row.Readiness)}"));
        }
        rows.Add(new ScreenLine($"async ops: {row.AsyncOps}, polled {row.AsyncOpPolls} times", FrameStyle.ColumnNames));
        return ScreenBody.Text(top, rows);
    }
}
