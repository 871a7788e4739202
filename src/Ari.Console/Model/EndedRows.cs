namespace Ari.Console.Model;

/// <summary>
/// The rows of what ended (tasks, resources), in the order they ended, made once and shared by every
/// copy of one replay's state: a replay resumed from a checkpoint ends the same things in the same
/// order, so a state holds only how many of these rows it has reached, and a row that ended before a
/// moment is the same object in every snapshot after it.
/// </summary>
/// <param name="keyOf">What names a row (its span's creation): a resumed replay that ends something else at a place is a mistake, said at once.</param>
internal sealed class EndedRows<T>(Func<T, ulong> keyOf)
    where T : class
{
    private readonly List<T> _rows = [];

    public T this[int index] => _rows[index];

    /// <summary>The row at <paramref name="index"/>, made from <paramref name="ended"/> when no replay has reached it before.</summary>
    public T Take<TEnded>(int index, ulong key, TEnded ended, Func<TEnded, T> make)
    {
        if (index < _rows.Count)
        {
            var row = _rows[index];
            return keyOf(row) == key ? row
                : throw new InvalidOperationException($"a resumed replay ended {key} where the first ended {keyOf(row)}");
        }
        _rows.Add(make(ended));
        return _rows[index];
    }
}
