using Ari.Browser;
using Ari.Testing;
using Ari.Views;
using Ari.Views.Tests.Support;
using Ari.Views.Writers;

namespace Ari.Views.Tests.Writers;

/// <summary>
/// The HTML view in a real browser (Debian's headless Chromium, driven by Playwright): the palette's
/// colours are what the page computes, and a hostile value stays text.
/// </summary>
public sealed class HtmlBrowserTests
{
    [Fact]
    public async Task Kinds_have_the_palette_colours()
    {
        var page = Examples.ScratchFile("oneshot.html");
        File.WriteAllText(page, Rendered.File(StoredRecordings.Of("oneshot"), ViewFormat.Html));

        await HeadlessChromium.WithPage(page, async browserPage =>
        {
            Assert.Equal("rgb(43, 48, 59)", await HeadlessChromium.Computed(browserPage, "body", "backgroundColor"));
            Assert.Equal("rgb(192, 197, 206)", await HeadlessChromium.Computed(browserPage, "body", "color"));
            Assert.Equal("pre", await HeadlessChromium.Computed(browserPage, "pre", "whiteSpace"));
            Assert.Equal("rgb(72, 158, 108)", await HeadlessChromium.Computed(browserPage, ".spawn", "color"));
            Assert.Equal("rgb(90, 186, 132)", await HeadlessChromium.Computed(browserPage, ".spawn-id", "color"));
            Assert.Equal("700", await HeadlessChromium.Computed(browserPage, ".spawn-id", "fontWeight"));
            Assert.Equal("rgb(186, 90, 87)", await HeadlessChromium.Computed(browserPage, ".resource", "color"));
            Assert.Equal("rgb(223, 88, 83)", await HeadlessChromium.Computed(browserPage, ".resource-id", "color"));
            Assert.Equal("rgb(157, 78, 221)", await HeadlessChromium.Computed(browserPage, ".waker", "color"));
            Assert.Equal("rgb(199, 125, 255)", await HeadlessChromium.Computed(browserPage, ".waker-id", "color"));
            Assert.Equal("rgb(170, 170, 170)", await HeadlessChromium.Computed(browserPage, ".neutral", "color"));
            Assert.Equal("0.67", await HeadlessChromium.Computed(browserPage, ".d", "opacity"));
            Assert.StartsWith("underline", await HeadlessChromium.Computed(browserPage, ".u", "textDecorationLine"));
        });
    }

    [Fact]
    public async Task A_hostile_value_renders_as_text_and_runs_nothing()
    {
        var page = Examples.ScratchFile("hostile.html");
        File.WriteAllText(page, Rendered.Bytes(HostileRecording.Build(), ViewFormat.Html));

        await HeadlessChromium.WithPage(page, async browserPage =>
        {
            Assert.NotEqual("pwned", await browserPage.TitleAsync());
            Assert.Equal(0, await browserPage.EvaluateAsync<int>("document.querySelectorAll('script, b').length"));
            var text = await browserPage.InnerTextAsync("pre");
            Assert.Contains(HostileRecording.Script, text);
            Assert.Contains("\\u{1b}[2J", text);
            Assert.Equal("rgb(72, 158, 108)", await HeadlessChromium.Computed(browserPage, ".spawn", "color"));
        });
    }

    [Fact]
    public async Task A_long_page_comes_in_parts_drawn_when_shown_with_all_its_text()
    {
        var recording = Examples.Recorded("workers").Recording;
        var html = Rendered.File(recording, ViewFormat.Html);
        var entries = Rendered.File(recording, ViewFormat.Plain).Count(c => c == '\n');
        var page = Examples.ScratchFile("workers.html");
        File.WriteAllText(page, html);

        Assert.True(entries > HtmlWriter.EntriesAPart, $"{entries} entries make one part only");
        await HeadlessChromium.WithPage(page, async browserPage =>
        {
            Assert.Equal((entries + HtmlWriter.EntriesAPart - 1) / HtmlWriter.EntriesAPart, await browserPage.EvaluateAsync<int>("document.querySelectorAll('pre').length"));
            Assert.Equal("auto", await HeadlessChromium.Computed(browserPage, "pre", "contentVisibility"));
            // The text of parts not drawn yet is in the page all the same (find, copy).
            Assert.Equal(entries, await browserPage.EvaluateAsync<int>("[...document.querySelectorAll('pre')].map(part => part.textContent).join('').split('\\n').length - 1"));
            await browserPage.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
            Assert.True(await browserPage.EvaluateAsync<bool>("""
                (() => { const last = document.querySelectorAll('pre')[document.querySelectorAll('pre').length - 1].getBoundingClientRect();
                         return last.height > 0 && last.top < window.innerHeight; })()
                """));
        });
    }
}
