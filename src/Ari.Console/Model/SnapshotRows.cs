using System.Collections;

namespace Ari.Console.Model;

/// <summary>
/// A snapshot's rows in order of creation: those that ended by its moment, made from their packed
/// figures (<see cref="EndedRows{T}"/>) each time one is read, and those alive then, made when the
/// snapshot was. A view reads a screenful of a snapshot that holds every task a long recording spawned,
/// so the rows it does not read are never made; a row read is kept, so that it is one object for as long
/// as the snapshot lives (a list's selection finds it again).
/// </summary>
internal sealed class SnapshotRows<T> : IReadOnlyList<T>
    where T : class
{
    private readonly EndedRows<T> _ended;
    private readonly List<T> _alive;
    /// <summary>Each row in order: an index into the ended rows, or the complement of one into the alive rows.</summary>
    private readonly int[] _order;
    private readonly Action<T>? _complete;
    private T?[]? _made;

    /// <param name="ended">The rows of what ended, of which the first <paramref name="endedCount"/> had by the moment.</param>
    /// <param name="alive">The rows of what was alive at the moment.</param>
    /// <param name="keyOf">An alive row's key (its span's creation), to put every row in order.</param>
    /// <param name="complete">What a row gets from the snapshot when it is read (a task's warnings then).</param>
    public SnapshotRows(EndedRows<T> ended, int endedCount, List<T> alive, Func<T, ulong> keyOf, Action<T>? complete)
    {
        _ended = ended;
        _alive = alive;
        _complete = complete;
        _order = new int[endedCount + alive.Count];
        var keys = new ulong[_order.Length];
        for (var i = 0; i < endedCount; i++)
        {
            _order[i] = i;
            keys[i] = ended.KeyOf(i);
        }
        for (var i = 0; i < alive.Count; i++)
        {
            _order[endedCount + i] = ~i;
            keys[endedCount + i] = keyOf(alive[i]);
        }
        Array.Sort(keys, _order);
    }

    public int Count => _order.Length;

    public T this[int index]
    {
        get
        {
            var made = _made ?? Interlocked.CompareExchange(ref _made, new T?[_order.Length], null) ?? _made;
            return made[index] ?? Interlocked.CompareExchange(ref made[index], Make(index), null) ?? made[index]!;
        }
    }

    /// <summary>
    /// The row at <paramref name="index"/> for a look alone: the one kept when it was read before, else one
    /// made and not kept. Sorting or measuring every row of a long recording's list this way keeps only the
    /// rows later drawn or chosen.
    /// </summary>
    public T Peek(int index) => _made?[index] ?? Make(index);

    /// <summary>
    /// The last row that <paramref name="match"/> takes, looking from the newest back; the rows looked at
    /// and passed over are made for the look alone, not kept.
    /// </summary>
    public T? FindLast(Func<T, bool> match)
    {
        for (var i = _order.Length - 1; i >= 0; i--)
        {
            if (match(Peek(i)))
            {
                return this[i];
            }
        }
        return null;
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _order.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T Make(int index)
    {
        var at = _order[index];
        var row = at >= 0 ? _ended[at] : _alive[~at];
        _complete?.Invoke(row);
        return row;
    }
}
