using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>
/// One of the console's tables laid out for the screen: the rows sorted by the list's sort column (its
/// name marked ▲ or ▼), each column as wide as its widest cell up to its limit, two spaces apart.
/// </summary>
internal sealed class SortedTable<T>
{
    private const string Gap = "  ";
    private readonly IReadOnlyList<TableColumn<T>> _columns;
    private readonly int[] _widths;

    /// <param name="textWidths">
    /// The widest text of each column over <paramref name="rows"/> (<see cref="TextWidths"/>), which does not
    /// depend on the sort; null to measure them here.
    /// </param>
    public SortedTable(IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows, ListCursor cursor, int[]? textWidths = null)
    {
        _columns = columns;
        var column = columns[Math.Clamp(cursor.SortColumn, 0, columns.Count - 1)];
        // A stable sort: rows that tie keep their order of creation.
        var ordered = rows.Select((row, index) => (row, index, key: column.KeyOf(row)))
            .OrderBy(item => item.key, Comparer<IComparable?>.Create(Compare))
            .ThenBy(item => item.index)
            .Select(item => item.row)
            .ToList();
        if (cursor.Descending)
        {
            ordered.Reverse();
        }
        Rows = ordered;
        textWidths ??= TextWidths(columns, rows);
        _widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _widths[i] = Math.Max(textWidths[i], Title(i, cursor).Length);
        }
        Header = new ScreenLine(Line(Enumerable.Range(0, columns.Count).Select(i => Title(i, cursor)).ToArray(), _ => FrameStyle.ColumnNames));
    }

    /// <summary>
    /// Each column's widest text over every row, up to its limit, so that scrolling does not move the
    /// columns; the texts themselves are made again for the lines drawn, a screenful, rather than kept for
    /// every row (a long recording's list has hundreds of thousands).
    /// </summary>
    public static int[] TextWidths(IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows)
    {
        var widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            foreach (var row in rows)
            {
                widths[i] = Math.Max(widths[i], Math.Min(TextOf(columns[i], row).Length, columns[i].MaxWidth));
            }
        }
        return widths;
    }

    /// <summary>The rows in the order shown.</summary>
    public IReadOnlyList<T> Rows { get; }

    public ScreenLine Header { get; }

    public ScreenLine LineOf(int index, FrameStyle style, bool selected)
    {
        var row = Rows[index];
        var texts = new string[_columns.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = TextOf(_columns[i], row);
        }
        return new ScreenLine(Line(texts, i => _columns[i].Style?.Invoke(row) ?? style), selected);
    }

    private static string TextOf(TableColumn<T> column, T row) => FrameText.Visible(column.Text(row));

    private static int Compare(IComparable? a, IComparable? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b);

    private string Title(int column, ListCursor cursor) =>
        _columns[column].Name + (column == cursor.SortColumn ? (cursor.Descending ? "▼" : "▲") : "");

    private List<FrameCell> Line(string[] texts, Func<int, FrameStyle> styleOf)
    {
        var cells = new List<FrameCell>(texts.Length * 2);
        for (var i = 0; i < texts.Length; i++)
        {
            if (i > 0)
            {
                cells.Add(new FrameCell(Gap));
            }
            var text = FrameText.Fit(texts[i], _widths[i]);
            var padded = _columns[i].AlignRight ? text.PadLeft(_widths[i]) : i == texts.Length - 1 ? text : text.PadRight(_widths[i]);
            cells.Add(new FrameCell(padded, styleOf(i)));
        }
        return cells;
    }
}
