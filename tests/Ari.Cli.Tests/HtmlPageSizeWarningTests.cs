using Ari.Testing;
using Ari.Views;

namespace Ari.Cli.Tests;

/// <summary>A big HTML page, shown or live, says so on stderr, once, and is still written whole and unchanged.</summary>
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
    public void Show_and_a_live_run_warn_alike_at_the_limit_the_environment_sets()
    {
        var limit = new Dictionary<string, string?> { [HtmlPageSizeWarning.LimitVariable] = "10" };

        var shown = InProcessAri.Run(["show", Examples.Recorded("workers").Recording, "--format", "html"], limit);
        var run = AriCommand.Run(["run", "--format", "html", "--", Examples.Binary("workers")], limit);

        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var (page, error) in new[] { (shown.Stdout, shown.Stderr), (run.Stdout, run.Stderr) })
        {
            var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("the HTML page passes 10 entries", warning);
            Assert.StartsWith("<!DOCTYPE html>", page);
            Assert.EndsWith("</html>\n", page);
        }
    }

    [Fact]
    public void A_page_within_the_limit_says_nothing()
    {
        Assert.Empty(Render("workers", HtmlPageSizeWarning.DefaultLimit).Error);
        Assert.Empty(InProcessAri.Run("show", Examples.Recorded("workers").Recording, "--format", "html").Stderr);
        Assert.Empty(AriCommand.Run("run", "--format", "html", "--", Examples.Binary("workers")).Stderr);
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
