using Ari.Model;

namespace Ari.Console.Ui;

/// <summary>
/// A list as last laid out, kept while what it was laid out from stays the same: the screen is drawn at
/// every key and tick, and a long recording's list sorts and measures hundreds of thousands of rows,
/// where moving the selection needs a screenful of lines. Which rows it has and their columns' widths
/// are kept while the rows are the same (the moment, the filter, what is hidden); a new sort orders
/// them again. Rows are read for the look alone (<see cref="RowPeek"/>), so only those drawn or chosen
/// are kept, and a layout's garbage (a text for every cell, to measure it) is collected as it goes.
/// </summary>
internal sealed class TableCache<T>
    where T : class
{
    private object? _rowsFrom;
    private int[] _included = [];
    private int[] _textWidths = [];
    private (int Column, bool Descending) _sort;
    private SortedTable<T>? _table;

    /// <param name="rowsFrom">What the rows are taken from, compared by value (a tuple; a snapshot in it by reference).</param>
    /// <param name="source">The list the rows are from: the same list while <paramref name="rowsFrom"/> is the same.</param>
    /// <param name="include">Which of them the table has (a filter), when the rows are taken again.</param>
    public SortedTable<T> Get(object rowsFrom, IReadOnlyList<T> source, Func<T, bool> include, IReadOnlyList<TableColumn<T>> columns, ListCursor cursor)
    {
        var rowsChanged = _table is null || !Equals(_rowsFrom, rowsFrom);
        var sort = (cursor.SortColumn, cursor.Descending);
        if (!rowsChanged && _sort == sort)
        {
            return _table!;
        }
        using var pacer = new CollectionPacer(CollectionPacer.YoungBytes);
        var peek = RowPeek.Of(source);
        if (rowsChanged)
        {
            // One look at each row: whether the table has it, and how wide its texts are.
            var included = new List<int>();
            _textWidths = new int[columns.Count];
            for (var index = 0; index < source.Count; index++)
            {
                var row = peek(index);
                if (include(row))
                {
                    included.Add(index);
                    SortedTable<T>.Widen(_textWidths, columns, row);
                }
            }
            _included = included.ToArray();
            _rowsFrom = rowsFrom;
        }
        _table = new SortedTable<T>(columns, source, _included, peek, cursor, _textWidths);
        _sort = sort;
        return _table;
    }
}
