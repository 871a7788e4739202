using System.Globalization;
using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>The resources list's columns, as <c>--frame resources</c> shows them: span ID, type, kind, open or closed, attributes now, async ops and their polls, readiness, location.</summary>
internal static class ResourceColumns
{
    public static readonly IReadOnlyList<TableColumn<ResourceRow>> All =
    [
        new("ID", row => Count((long)row.SpanId), row => row.SpanId, AlignRight: true),
        new("Type", row => row.ConcreteType + (row.IsInternal ? " (internal)" : ""), MaxWidth: 24),
        new("Kind", row => row.Kind),
        new("State", row => row.IsClosed ? "closed" : "open"),
        new("Attributes", row => row.Attributes),
        new("Ops", row => Count(row.AsyncOps), row => row.AsyncOps, true),
        new("Op polls", row => Count(row.AsyncOpPolls), row => row.AsyncOpPolls, true),
        new("Readiness", row => row.Readiness, MaxWidth: 30),
        new("Location", row => row.Location ?? "", MaxWidth: 60),
    ];

    /// <summary>Whether <paramref name="filter"/> (any case) is in the resource's type, kind, location or target.</summary>
    public static bool Matches(ResourceRow row, string filter) =>
        filter.Length == 0
        || row.ConcreteType.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || row.Kind.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || (row.Location?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || row.Target.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
