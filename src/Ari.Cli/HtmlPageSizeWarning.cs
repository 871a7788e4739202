using Ari.Model;
using Ari.Views;

namespace Ari.Cli;

/// <summary>
/// An HTML page that counts the entries it writes and says once on stderr, as it passes
/// <see cref="DefaultLimit"/>, that a browser will be slow to open it (docs/views.md has what Chromium
/// took), and how to make a smaller one. The page is still written whole: it is what was asked for.
/// </summary>
internal sealed class HtmlPageSizeWarning(IEntryRenderer page, TextWriter error, long limit = HtmlPageSizeWarning.DefaultLimit) : IEntryRenderer
{
    public const long DefaultLimit = 300_000;

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

    public void Flush() => page.Flush();

    public void Dispose() => page.Dispose();
}
