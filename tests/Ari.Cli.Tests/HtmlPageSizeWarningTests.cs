using Ari.Testing;
using Ari.Views;

namespace Ari.Cli.Tests;

/// <summary>A big HTML page says so on stderr, once, and is still written whole and unchanged.</summary>
public sealed class HtmlPageSizeWarningTests
{
    [Fact]
    public void A_page_past_the_limit_says_so_once_and_points_at_the_filters()
    {
        var (page, error) = Render("workers", limit: 10);

        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("passes 10 entries", warning);
        Assert.Contains("--since/--until", warning);
        Assert.Contains("--task", warning);
        Assert.Contains("ari console", warning);
        Assert.Equal(Render("workers", limit: long.MaxValue).Page, page);
    }

    [Fact]
    public void A_page_within_the_limit_says_nothing()
    {
        Assert.Empty(Render("workers", HtmlPageSizeWarning.DefaultLimit).Error);
        Assert.Empty(InProcessAri.Run("show", Examples.Recorded("workers").Recording, "--format", "html").Stderr);
    }

    private static (byte[] Page, string Error) Render(string example, long limit)
    {
        var page = new MemoryStream();
        var error = new StringWriter();
        using (var renderer = new HtmlPageSizeWarning(Renderers.Create(ViewFormat.Html, ViewLayout.Line, page), error, limit))
        {
            Played.File(Examples.Recorded(example).Recording, new EntryPipeline(renderer));
        }
        return (page.ToArray(), error.ToString());
    }
}
