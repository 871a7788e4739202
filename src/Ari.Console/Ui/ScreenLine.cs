using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>
/// One line of the screen: styled cells, and whether it is the selected row (drawn reversed, to the
/// screen's edge). A line of ari's colour view brings each cell's own look, which then wins over its style.
/// </summary>
internal sealed record ScreenLine(IReadOnlyList<FrameCell> Cells, bool Selected = false, IReadOnlyList<TextLook>? Looks = null)
{
    public ScreenLine(string text, FrameStyle style = FrameStyle.Plain)
        : this([new FrameCell(text, style)])
    {
    }
}
