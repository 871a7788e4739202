using Ari.Console.Frames;
using Ari.Console.Ui;
using Terminal.Gui.Drawing;

namespace Ari.Console.Tests.Ui;

public sealed class ScreenPaletteTests
{
    [Fact]
    public void Without_colour_only_the_emphasis_stays()
    {
        var plain = new ScreenPalette(colour: false);

        Assert.Equal(Color.None, plain.Of(FrameStyle.Running, selected: false).Foreground);
        Assert.Equal(Color.None, plain.Of(FrameStyle.Warning, selected: false).Foreground);
        Assert.True(plain.Of(FrameStyle.Warning, selected: false).Style.HasFlag(TextStyle.Bold));
        Assert.True(plain.Of(FrameStyle.Done, selected: false).Style.HasFlag(TextStyle.Faint));
        Assert.True(plain.Of(FrameStyle.Plain, selected: true).Style.HasFlag(TextStyle.Reverse));
    }

    [Fact]
    public void With_colour_a_state_takes_the_views_palette_on_the_terminals_background()
    {
        var running = new ScreenPalette(colour: true).Of(FrameStyle.Running, selected: false);

        Assert.Equal(new Color(0x48, 0x9e, 0x6c, 0xff), running.Foreground);
        Assert.Equal(Color.None, running.Background);
    }
}
