using Ari.Testing;
using Ari.Views.Tests.Support;

namespace Ari.Views.Tests.Text;

/// <summary>
/// Plain lines gather in the renderer's text and go out when it fills or is flushed: whatever the flushes
/// (a live view flushes whenever the stream goes quiet), every line comes out once, whole and in order.
/// </summary>
public sealed class TextRendererTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Plain_lines_come_out_whole_and_in_order_however_often_the_output_is_flushed(int flushEvery)
    {
        var recording = StoredRecordings.Of("oneshot");
        var once = Rendered.File(recording, ViewFormat.Plain);

        var output = new MemoryStream();
        using (var renderer = Renderers.Create(ViewFormat.Plain, ViewLayout.Line, output))
        {
            // Three times over, so that the text passes the 60 KiB at which it goes out unasked.
            for (var pass = 0; pass < 3; pass++)
            {
                Render(recording, renderer, flushEvery);
            }
        }

        Assert.True(once.Length * 3 > 60 * 1024);
        Assert.Equal(once + once + once, System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    private static void Render(string recording, IEntryRenderer renderer, int flushEvery)
    {
        var pipeline = new EntryPipeline(renderer);
        var entries = 0;
        Played.File(recording, (entry, replay) =>
        {
            pipeline.Observe(entry, replay);
            if (flushEvery > 0 && ++entries % flushEvery == 0)
            {
                renderer.Flush();
            }
        });
    }
}
