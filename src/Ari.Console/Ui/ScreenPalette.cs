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
        return Of(new TextLook(
            look.Tint == Tint.None ? null : Palette.Rgb(look.Tint),
            look.Has(Emphasis.Bold), look.Has(Emphasis.Dim), look.Has(Emphasis.Underline)), selected);
    }

    public Attribute Of(TextLook look, bool selected)
    {
        var foreground = colour && look.Rgb is { } rgb ? Rgb(rgb) : Color.None;
        var emphasis = TextStyle.None;
        if (look.Bold)
        {
            emphasis |= TextStyle.Bold;
        }
        if (look.Dim)
        {
            emphasis |= TextStyle.Faint;
        }
        if (look.Underline)
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
