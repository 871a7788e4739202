using Microsoft.Playwright;

namespace Ari.Browser;

/// <summary>Opens a file in Debian's headless Chromium (driven by Playwright) and hands the page to a check.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Arguments =
        ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task WithPage(string path, Func<IPage, Task> check)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Arguments,
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await check(page);
    }

    /// <summary>A CSS property as the page computed it for the first element <paramref name="selector"/> finds.</summary>
    public static Task<string> Computed(IPage page, string selector, string property) =>
        page.EvalOnSelectorAsync<string>(selector, $"element => getComputedStyle(element).{property}");
}
