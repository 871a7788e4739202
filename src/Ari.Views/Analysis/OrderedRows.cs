namespace Ari.Views.Analysis;

/// <summary>
/// Lines of output kept until they can be written, each with an order key: in memory up to a hundred
/// kilobytes or so of text, then on disk a sorted run at a time (<see cref="RowSpill"/>). Read back sorted stably by key,
/// or as added when no key was given: a table of every wake, or the edges of a graph of every task of a
/// long recording, costs disk, not memory.
/// </summary>
internal sealed class OrderedRows(int spillChars = OrderedRows.DefaultSpillChars)
{
    /// <summary>
    /// The text kept in memory before the rows go to disk: two bytes a character. Rows kept live long
    /// enough to reach the oldest generation before they go, so what is kept here is collected only by
    /// a full collection: a small batch keeps that garbage small (bench/limits.md).
    /// </summary>
    public const int DefaultSpillChars = 1 << 16;

    private readonly List<(UInt128 Order, string Text)> _rows = [];
    private RowSpill? _spill;
    private int _chars;
    private int _spilled;
    private bool _ordered;

    public int Count => _spilled + _rows.Count;

    /// <summary>A row written in the order rows are added.</summary>
    public void Add(string text) => Keep(0, text);

    /// <summary>A row written in the order of <paramref name="order"/> (rows with equal keys as added); a table's rows all have a key, or none.</summary>
    public void AddInOrder(UInt128 order, string text)
    {
        _ordered = true;
        Keep(order, text);
    }

    /// <summary>Every row, in order; the rows stay, so they can be read again.</summary>
    public IEnumerable<string> InOrder()
    {
        if (_spill is null)
        {
            return InMemory().Select(row => row.Text);
        }
        if (_rows.Count > 0)
        {
            Spill();
        }
        return _spill.Merged();
    }

    private void Keep(UInt128 order, string text)
    {
        _rows.Add((order, text));
        _chars += text.Length;
        if (_chars > spillChars)
        {
            Spill();
        }
    }

    /// <summary>The rows kept in memory go to disk as one run, in the order they are to be written.</summary>
    private void Spill()
    {
        _spill ??= new RowSpill(_ordered);
        _spill.WriteRun(InMemory());
        _spilled += _rows.Count;
        _rows.Clear();
        _chars = 0;
    }

    private IEnumerable<(UInt128 Order, string Text)> InMemory() => _ordered ? _rows.OrderBy(row => row.Order) : _rows;
}
