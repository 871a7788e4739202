using System.Globalization;
using Ari.Model;
using Ari.Views;

namespace Ari.Cli;

/// <summary>
/// An HTML page that counts the entries it writes and says once on stderr, as it passes
/// <see cref="DefaultLimit"/>, that a browser will be slow to open it (docs/views.md has what Chromium
/// took), and how to make a smaller one. The page is still written whole: it is what was asked for.
/// Every command that writes HTML gets it from <see cref="ViewOptions.Build"/>.
/// </summary>
internal sealed class HtmlPageSizeWarning(IEntryRenderer page, TextWriter error, long limit = HtmlPageSizeWarning.DefaultLimit) : IEntryRenderer
{
    public const long DefaultLimit = 300_000;

    /// <summary>Sets the limit instead of <see cref="DefaultLimit"/>: for a browser that copes with more, and for tests that need not write 300,000 entries.</summary>
    public const string LimitVariable = "ARI_HTML_WARNING_ENTRIES";

    private long _entries;

    public bool ShowsWakes => page.ShowsWakes;

    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
        page.Render(entry, facts);
        if (++_entries == limit)
        {
            error.WriteLine($"ari: the HTML page passes {limit:N0} entries, more than a browser opens and scrolls comfortably; "
                + "narrow it with --since/--until, --task or --kind, or browse the recording in a terminal (ari console, ari show | less -R)");
        }
    }

    /// <summary>The limit <see cref="LimitVariable"/> sets, when it is a positive whole number; else <see cref="DefaultLimit"/>.</summary>
    public static long LimitFrom(IConsole console) =>
        long.TryParse(console.GetEnvironmentVariable(LimitVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : DefaultLimit;

    public void Flush() => page.Flush();

    public void Dispose() => page.Dispose();
}
