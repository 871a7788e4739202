using System.Globalization;
using Ari.Console.Frames;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>The warnings list's columns: <c>ari lint</c>'s table as of the moment, one row a rule.</summary>
internal static class WarningColumns
{
    public static IReadOnlyList<TableColumn<LintFinding>> For(Func<ulong, string> clock) =>
    [
        new("Warning", finding => LintRules.Name(finding.Rule), Style: _ => FrameStyle.Warning),
        new("Count", finding => finding.Count.ToString(CultureInfo.InvariantCulture), finding => finding.Count, true),
        new("First at", finding => clock(finding.First.At), finding => finding.First.At, true),
        new("First", finding => finding.First.What, MaxWidth: 200),
    ];
}
