namespace Ari.Console.Ui;

/// <summary>
/// A list as last laid out, kept while what it was laid out from stays the same: the screen is drawn at
/// every key and tick, and a long recording's list sorts and measures hundreds of thousands of rows,
/// where moving the selection needs a screenful of lines. The rows and their columns' widths are kept
/// while the rows are the same (the moment, the filter, what is hidden); a new sort orders them again.
/// </summary>
internal sealed class TableCache<T>
{
    private object? _rowsFrom;
    private IReadOnlyList<T> _rows = [];
    private int[] _textWidths = [];
    private (int Column, bool Descending) _sort;
    private SortedTable<T>? _table;

    /// <param name="rowsFrom">What the rows are taken from, compared by value (a tuple; a snapshot in it by reference).</param>
    /// <param name="rows">Takes the rows again when <paramref name="rowsFrom"/> differs from the last one's.</param>
    public SortedTable<T> Get(object rowsFrom, Func<IEnumerable<T>> rows, IReadOnlyList<TableColumn<T>> columns, ListCursor cursor)
    {
        if (_table is null || !Equals(_rowsFrom, rowsFrom))
        {
            _rows = rows().ToList();
            _textWidths = SortedTable<T>.TextWidths(columns, _rows);
            _rowsFrom = rowsFrom;
            _table = null;
        }
        if (_table is null || _sort != (cursor.SortColumn, cursor.Descending))
        {
            _table = new SortedTable<T>(columns, _rows, cursor, _textWidths);
            _sort = (cursor.SortColumn, cursor.Descending);
        }
        return _table;
    }
}
