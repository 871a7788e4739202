using Ari.Browser;
using Ari.Testing;

namespace Ari.Console.Tests;

/// <summary>
/// <c>ari console --frame … --format svg</c> as a user makes and opens it: the command's picture in a real
/// browser (Debian's headless Chromium), its text there, and its coloured cells painted in their colours.
/// </summary>
public sealed class FramePictureBrowserTests
{
    [Fact]
    public async Task A_frame_picture_shows_the_frames_text_in_the_terminals_colours()
    {
        var recording = Recordings.Stored("wakes");
        var result = AriCommand.Run("console", recording, "--frame", "task:4", "--size", "100x30", "--format", "svg");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var text = AriCommand.Ok("console", recording, "--frame", "task:4", "--size", "100x30");
        var picture = Examples.ScratchFile("task-4.svg");
        File.WriteAllText(picture, result.Stdout);

        await HeadlessChromium.WithPage(picture, async page =>
        {
            var shown = await page.EvaluateAsync<string>("[...document.querySelectorAll('text')].map(t => t.textContent).join('\\n')");
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                Assert.Contains(line.Split("  ")[0], shown);
            }
            Assert.Equal(["rgb(90, 186, 132)", "700"], await page.EvaluateAsync<string[]>(
                "(() => { const id = [...document.querySelectorAll('text')].find(t => t.textContent === 'Task 4'); return [getComputedStyle(id).fill, getComputedStyle(id).fontWeight]; })()"));
            // What the browser painted: the picture drawn on a canvas, read pixel by pixel. The histogram's
            // bars are solid blocks in the running colour, so whole pixels of it must be there.
            var pixels = await page.EvaluateAsync<int[]>("""
                async () => {
                  const image = new Image();
                  image.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(new XMLSerializer().serializeToString(document.documentElement))));
                  await image.decode();
                  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
                  canvas.width = image.width; canvas.height = image.height;
                  const context = canvas.getContext('2d');
                  context.drawImage(image, 0, 0);
                  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
                  const count = (r, g, b) => { let n = 0; for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++; return n; };
                  return [canvas.width, canvas.height, count(72, 158, 108), count(43, 48, 59), data[0], data[1], data[2]];
                }
                """);
            Assert.Equal([868, 574], pixels[..2]);
            Assert.Equal([43, 48, 59], pixels[4..]);
            Assert.True(pixels[2] > 100, $"{pixels[2]} pixels of the running colour #489e6c");
            Assert.True(pixels[3] > pixels[0] * pixels[1] / 2, "the background covers most of the picture");
        });
    }
}
