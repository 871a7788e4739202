using System.Globalization;
using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>The resources list's columns, as <c>--frame resources</c> shows them: span ID, type, kind, open or closed, attributes now, async ops and their polls, readiness, location.</summary>
internal static class ResourceColumns
{
    public static readonly IReadOnlyList<TableColumn<ResourceRow>> All =
    [
        new("ID", row => Count((long)row.SpanId), row => row.SpanId, AlignRight: true),
        new("Type", row => row.Resource.ConcreteType + (row.Resource.IsInternal ? " (internal)" : ""), MaxWidth: 24),
        new("Kind", row => row.Resource.Kind),
        new("State", row => row.IsClosed ? "closed" : "open"),
        new("Attributes", row => row.Resource.State.ToString()),
        new("Ops", row => Count(row.Resource.AsyncOps.Count), row => row.Resource.AsyncOps.Count, true),
        new("Op polls", row => Count(row.Resource.AsyncOps.Sum(op => op.Polls)), row => row.Resource.AsyncOps.Sum(op => op.Polls), true),
        new("Readiness", row => string.Join(", ", row.Resource.Readiness.Select(op => $"{op.Operation} {op.Ready}/{op.Ready + op.Pending} ready")), MaxWidth: 30),
        new("Location", row => row.Resource.Location ?? "", MaxWidth: 60),
    ];

    /// <summary>Whether <paramref name="filter"/> (any case) is in the resource's type, kind, location or target.</summary>
    public static bool Matches(ResourceRow row, string filter) =>
        filter.Length == 0
        || row.Resource.ConcreteType.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || row.Resource.Kind.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (row.Resource.Location?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || row.Resource.Span.Callsite.Target.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
