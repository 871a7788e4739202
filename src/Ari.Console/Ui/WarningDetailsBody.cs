using Ari.Console.Frames;
using Ari.Tokio;

namespace Ari.Console.Ui;

/// <summary>Every occurrence of one lint rule by the moment, earliest first, each standing for its moment.</summary>
internal static class WarningDetailsBody
{
    private static readonly ListCursor ByTime = new();

    /// <param name="tables">The occurrences' table as last laid out: a rule can occur thousands of times, and the screen is drawn at every key.</param>
    public static ScreenBody Of(LintFinding finding, Func<ulong, string> clock, TableCache<LintOccurrence> tables)
    {
        var occurrences = tables.Get((finding, clock), finding.Occurrences, _ => true,
            [
                new("At", occurrence => clock(occurrence.At), occurrence => occurrence.At, AlignRight: true),
                new("Thread", occurrence => occurrence.Thread ?? "-"),
                new("What", occurrence => occurrence.What, MaxWidth: 200),
            ],
            ByTime);
        var top = new List<ScreenLine>
        {
            new($"{LintRules.Name(finding.Rule)}: {FrameChrome.Plural(finding.Count, "occurrence")}", FrameStyle.Warning),
            occurrences.Header,
        };
        return new ScreenBody(top, occurrences.Rows.Count, (i, selected) => occurrences.LineOf(i, FrameStyle.Plain, selected), i => occurrences.Rows[i].At);
    }
}
