namespace Ari.Console.Ui;

/// <summary>
/// The table a list was last laid out as, kept while what it was laid out from stays the same (the
/// snapshot, the filter, what is hidden, the sort): the screen is drawn at every key and tick, and a
/// long recording's list sorts and measures hundreds of thousands of rows, where moving the selection
/// needs a screenful of lines.
/// </summary>
internal sealed class TableCache<T>
{
    private object? _madeFrom;
    private SortedTable<T>? _table;

    /// <param name="madeFrom">What the table is laid out from, compared by value (a tuple; a snapshot in it by reference).</param>
    /// <param name="make">Lays it out again when <paramref name="madeFrom"/> differs from the last one's.</param>
    public SortedTable<T> Get(object madeFrom, Func<SortedTable<T>> make)
    {
        if (_table is null || !Equals(_madeFrom, madeFrom))
        {
            _table = make();
            _madeFrom = madeFrom;
        }
        return _table;
    }
}
