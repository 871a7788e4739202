namespace Ari.Console.Frames;

/// <summary>
/// Rows under column names, each column as wide as its widest cell (up to its <see cref="FrameColumn.MaxWidth"/>),
/// two spaces apart; drawn into a frame as far as its height allows, the columns that do not fit cut off
/// at the right as a screen cuts them.
/// </summary>
public sealed class FrameTable(params FrameColumn[] columns)
{
    private const string Gap = "  ";
    private readonly List<(string[] Cells, FrameStyle[] Styles)> _rows = [];

    public int RowCount => _rows.Count;

    /// <summary>
    /// How many of <paramref name="count"/> rows a screen of <paramref name="room"/> lines for rows shows:
    /// all when they fit, else one fewer, for the line that says how many more there are. Only those are
    /// made: a snapshot at a long recording's end has a row for every task ever spawned.
    /// </summary>
    public static int Shown(int count, int room) => count <= room ? count : Math.Max(0, room - 1);

    /// <summary>A row whose cells all have <paramref name="style"/>, but for those <paramref name="styles"/> names.</summary>
    public void Add(FrameStyle style, string?[] cells, params (int Column, FrameStyle Style)[] styles)
    {
        var texts = new string[columns.Length];
        var looks = new FrameStyle[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            texts[i] = FrameText.Visible(i < cells.Length ? cells[i] : null);
            looks[i] = style;
        }
        foreach (var (column, look) in styles)
        {
            looks[column] = look;
        }
        _rows.Add((texts, looks));
    }

    /// <summary>The column names and as many rows as fit in <paramref name="rows"/> lines; returns the rows drawn.</summary>
    public int DrawInto(Frame frame, int rows)
    {
        if (rows <= 0)
        {
            return 0;
        }
        var widths = Widths();
        frame.Add(Line(columns.Select(column => column.Name).ToArray(), Enumerable.Repeat(FrameStyle.ColumnNames, columns.Length).ToArray(), widths));
        var drawn = Math.Min(rows - 1, _rows.Count);
        for (var i = 0; i < drawn; i++)
        {
            frame.Add(Line(_rows[i].Cells, _rows[i].Styles, widths));
        }
        return drawn;
    }

    private int[] Widths()
    {
        var widths = columns.Select(column => column.Name.Length).ToArray();
        foreach (var (cells, _) in _rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Math.Min(cells[i].Length, columns[i].MaxWidth));
            }
        }
        return widths;
    }

    private List<FrameCell> Line(string[] cells, FrameStyle[] styles, int[] widths)
    {
        var line = new List<FrameCell>(cells.Length * 2);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Add(new FrameCell(Gap));
            }
            var text = FrameText.Fit(cells[i], widths[i]);
            var last = i == cells.Length - 1;
            var padded = columns[i].AlignRight ? text.PadLeft(widths[i]) : last ? text : text.PadRight(widths[i]);
            line.Add(new FrameCell(padded, styles[i]));
        }
        return line;
    }
}
