namespace Ari.Wire;

/// <summary>
/// Something worked out once a callsite (its instrumentation kind, its names escaped for JSON) and
/// wanted for every record: found by the callsite's wire index, checking that the callsite is the one
/// it was made for (a replay makes a stand-in for an unknown index anew each time).
/// </summary>
public sealed class CallsiteMap<T>(Func<Callsite, T> make)
{
    /// <summary>Indices above this are worked out each time: a damaged stream must not size the table.</summary>
    private const int MaxIndex = 1 << 16;

    private (Callsite? Callsite, T Value)[] _entries = [];

    public T this[Callsite callsite]
    {
        get
        {
            int index = callsite.Index;
            if ((uint)index < (uint)_entries.Length && ReferenceEquals(_entries[index].Callsite, callsite))
            {
                return _entries[index].Value;
            }

            T value = make(callsite);
            if (index is >= 0 and < MaxIndex)
            {
                if (index >= _entries.Length)
                {
                    Array.Resize(ref _entries, Math.Max(index + 1, Math.Max(16, _entries.Length * 2)));
                }

                _entries[index] = (callsite, value);
            }

            return value;
        }
    }
}
