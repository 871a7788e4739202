namespace Ari.Console.Frames;

/// <summary>
/// One screen of the console: at most <see cref="FrameSize.Rows"/> lines, each of cells whose text fits
/// in <see cref="FrameSize.Columns"/>. A headless frame is written out; the interactive UI draws the same.
/// </summary>
public sealed class Frame
{
    private readonly List<IReadOnlyList<FrameCell>> _lines = [];

    public Frame(FrameSize size) => Size = size;

    public FrameSize Size { get; }

    public IReadOnlyList<IReadOnlyList<FrameCell>> Lines => _lines;

    public int RoomLeft => Size.Rows - _lines.Count;

    /// <summary>Adds a line, its cells clipped to the frame's width; ignored when the frame is full.</summary>
    public void Add(params IEnumerable<FrameCell> cells)
    {
        if (_lines.Count >= Size.Rows)
        {
            return;
        }
        var clipped = new List<FrameCell>();
        var left = Size.Columns;
        foreach (var cell in cells)
        {
            if (left <= 0)
            {
                break;
            }
            var text = cell.Text.Length > left ? cell.Text[..left] : cell.Text;
            clipped.Add(cell with { Text = text });
            left -= text.Length;
        }
        _lines.Add(clipped);
    }

    public void Add(string text, FrameStyle style = FrameStyle.Plain) => Add([new FrameCell(text, style)]);
}
