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

    /// <param name="source">The list the rows are from; a row shown or chosen is read from it.</param>
    /// <param name="included">Which of <paramref name="source"/>'s rows the table has, by index, in the list's order.</param>
    /// <param name="peek">Reads a row for a look alone (to sort it), not keeping it (<see cref="RowPeek.Of{T}"/>).</param>
    /// <param name="sort">The column the rows are sorted by (a <see cref="ListCursor"/>'s), and whether from the largest.</param>
    /// <param name="textWidths">The widest text of each column over the rows (<see cref="Widen"/>), which does not depend on the sort.</param>
    public SortedTable(IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> source, int[] included, Func<int, T> peek, (int Column, bool Descending) sort, int[] textWidths)
    {
        _columns = columns;
        var column = columns[Math.Clamp(sort.Column, 0, columns.Count - 1)];
        var keys = new IComparable?[included.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = column.KeyOf(peek(included[i]));
        }
        // Ties keep the list's order (of creation), as a stable sort would.
        var order = new int[included.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => Compare(keys[a], keys[b]) is var byKey and not 0 ? byKey : a.CompareTo(b));
        if (sort.Descending)
        {
            Array.Reverse(order);
        }
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = included[order[i]];
        }
        Rows = new PickedRows(source, order);
        _widths = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _widths[i] = Math.Max(textWidths[i], Title(i, sort).Length);
        }
        Header = new ScreenLine(Line(Enumerable.Range(0, columns.Count).Select(i => Title(i, sort)).ToArray(), _ => FrameStyle.ColumnNames));
    }

    /// <summary>
    /// Widens <paramref name="widths"/> (a column's widest text so far) to <paramref name="row"/>'s texts, up
    /// to each column's limit: over every row, so that scrolling does not move the columns. The texts
    /// themselves are made again for the lines drawn, a screenful, rather than kept for every row (a long
    /// recording's list has hundreds of thousands).
    /// </summary>
    public static void Widen(int[] widths, IReadOnlyList<TableColumn<T>> columns, T row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = Math.Max(widths[i], Math.Min(TextOf(columns[i], row).Length, columns[i].MaxWidth));
        }
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

    private string Title(int column, (int Column, bool Descending) sort) =>
        _columns[column].Name + (column == sort.Column ? (sort.Descending ? "▼" : "▲") : "");

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

    /// <summary>The rows in the order shown, each read from the list when asked for.</summary>
    private sealed class PickedRows(IReadOnlyList<T> source, int[] picked) : IReadOnlyList<T>
    {
        public int Count => picked.Length;

        public T this[int index] => source[picked[index]];

        public IEnumerator<T> GetEnumerator() => picked.Select(index => source[index]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
