using System.Globalization;
using Ari.Console.Model;
using Ari.Tokio;

namespace Ari.Console.Frames;

/// <summary>The warnings view: <c>ari lint</c>'s table as of the moment, one row a rule: how often, when first, and what first.</summary>
internal static class WarningsFrame
{
    public const string Keys = "q quit  ? help  ↑↓ select  enter occurrences  ←→ sort  i invert  [ ] { } g time  t tasks  r resources";

    /// <summary>The table of the first rules that fit in <paramref name="room"/> lines of rows, and how many found something.</summary>
    public static (FrameTable Table, int Count) Table(ConsoleSnapshot snapshot, int room)
    {
        var table = new FrameTable(
            new FrameColumn("Warning"), new FrameColumn("Count", AlignRight: true), new FrameColumn("First at", true), new FrameColumn("First"));
        foreach (var finding in snapshot.Warnings.Take(FrameTable.Shown(snapshot.Warnings.Count, room)))
        {
            table.Add(FrameStyle.Plain,
                [
                    LintRules.Name(finding.Rule),
                    finding.Count.ToString(CultureInfo.InvariantCulture),
                    FrameChrome.Clock(snapshot, finding.First.At),
                    finding.First.What,
                ],
                (0, FrameStyle.Warning));
        }
        return (table, snapshot.Warnings.Count);
    }
}
