using Ari.Model;

namespace Ari.Console.Ui;

/// <summary>
/// A list as last laid out, kept while what it was laid out from stays the same: the screen is drawn at
/// every key and tick, and a long recording's list sorts and measures hundreds of thousands of rows,
/// where moving the selection needs a screenful of lines. Which rows it has and their columns' widths
/// are kept while the rows are the same (the moment, the filter, what is hidden); a new sort orders
/// them again. Rows are read for the look alone (<see cref="RowPeek"/>), so only those drawn or chosen
/// are kept, and a layout's garbage (a text for every cell, to measure it) is collected as it goes.
/// A layout can also be made elsewhere (<see cref="Lay"/>, on the thread that made the snapshot) and
/// offered, so that the screen's thread finds it ready.
/// </summary>
internal sealed class TableCache<T>
    where T : class
{
    private Layout? _layout;

    /// <param name="rowsFrom">What the rows are taken from, compared by value (a tuple; a snapshot in it by reference).</param>
    /// <param name="source">The list the rows are from: the same list while <paramref name="rowsFrom"/> is the same.</param>
    /// <param name="include">Which of them the table has (a filter), when the rows are taken again.</param>
    public SortedTable<T> Get(object rowsFrom, IReadOnlyList<T> source, Func<T, bool> include, IReadOnlyList<TableColumn<T>> columns, ListCursor cursor)
    {
        var sort = (cursor.SortColumn, cursor.Descending);
        if (_layout is not { } layout || !Equals(layout.RowsFrom, rowsFrom))
        {
            _layout = Lay(rowsFrom, source, include, columns, sort);
        }
        else if (layout.Sort != sort)
        {
            _layout = layout.SortedBy(sort);
        }
        return _layout.Table;
    }

    /// <summary>Keeps a layout made by <see cref="Lay"/>: <see cref="Get"/> returns its table while it is asked for the same rows and sort.</summary>
    public void Offer(Layout layout) => _layout = layout;

    /// <summary>The rows of <paramref name="source"/> that <paramref name="include"/> takes, measured and sorted (on any one thread).</summary>
    public static Layout Lay(object rowsFrom, IReadOnlyList<T> source, Func<T, bool> include, IReadOnlyList<TableColumn<T>> columns, (int Column, bool Descending) sort)
    {
        var peek = RowPeek.Of(source);
        // One look at each row: whether the table has it, and how wide its texts are.
        var included = new List<int>();
        var textWidths = new int[columns.Count];
        using (new CollectionPacer(CollectionPacer.YoungBytes))
        {
            for (var index = 0; index < source.Count; index++)
            {
                var row = peek(index);
                if (include(row))
                {
                    included.Add(index);
                    SortedTable<T>.Widen(textWidths, columns, row);
                }
            }
        }
        return new Layout(rowsFrom, columns, source, [.. included], textWidths, sort);
    }

    /// <summary>A list's rows, their widths, and the table they make in one sort.</summary>
    internal sealed class Layout
    {
        private readonly IReadOnlyList<TableColumn<T>> _columns;
        private readonly IReadOnlyList<T> _source;
        private readonly int[] _included;
        private readonly int[] _textWidths;

        public Layout(object rowsFrom, IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> source, int[] included, int[] textWidths, (int Column, bool Descending) sort)
        {
            RowsFrom = rowsFrom;
            _columns = columns;
            _source = source;
            _included = included;
            _textWidths = textWidths;
            Sort = sort;
            using var pacer = new CollectionPacer(CollectionPacer.YoungBytes);
            Table = new SortedTable<T>(columns, source, included, RowPeek.Of(source), sort, textWidths);
        }

        public object RowsFrom { get; }

        public (int Column, bool Descending) Sort { get; }

        public SortedTable<T> Table { get; }

        /// <summary>The same rows in another order.</summary>
        public Layout SortedBy((int Column, bool Descending) sort) => new(RowsFrom, _columns, _source, _included, _textWidths, sort);
    }
}
