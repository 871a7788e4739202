using Ari.Console.Frames;
using Ari.Views.Styling;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TextStyle = Terminal.Gui.Drawing.TextStyle;

namespace Ari.Console.Ui;

/// <summary>
/// How a piece of the screen looks in the terminal: the frames' own look (<see cref="FrameWriter.StyleOf"/>:
/// the views' palette colours, bold, dim, underline) on the terminal's own background; without colour
/// (NO_COLOR, --color never) only the emphasis stays. The selected row is drawn reversed.
/// </summary>
internal sealed class ScreenPalette(bool colour)
{
    public Attribute Of(FrameStyle style, bool selected)
    {
        var look = FrameWriter.StyleOf(style);
        var foreground = colour && look.Tint != Tint.None ? Rgb(Palette.Rgb(look.Tint)) : Color.None;
        var emphasis = TextStyle.None;
        if (look.Has(Emphasis.Bold))
        {
            emphasis |= TextStyle.Bold;
        }
        if (look.Has(Emphasis.Dim))
        {
            emphasis |= TextStyle.Faint;
        }
        if (look.Has(Emphasis.Underline))
        {
            emphasis |= TextStyle.Underline;
        }
        if (selected)
        {
            emphasis |= TextStyle.Reverse;
        }
        return new Attribute(foreground, Color.None, emphasis);
    }

    private static Color Rgb(uint rgb) => new((int)(rgb >> 16) & 0xff, (int)(rgb >> 8) & 0xff, (int)rgb & 0xff, 0xff);
}
