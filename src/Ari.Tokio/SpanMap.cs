using System.Collections;
using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// What the tracker keeps for each live span of one kind (a task, a resource), found by span ID:
/// hashing a number is much cheaper than hashing the <see cref="SpanNode"/> object, which costs a trip
/// into the runtime the first time for every new span. tracing reuses an ID only after close, but a
/// lost close leaves the old span alive when a new one takes its ID: the old one then moves aside to a
/// table keyed by the node itself, so every span keeps its own value and the ID finds the newest.
/// </summary>
internal sealed class SpanMap<T> : IReadOnlyCollection<T>
    where T : class
{
    private readonly Dictionary<ulong, (SpanNode Span, T Value)> _byId = [];
    private readonly Dictionary<SpanNode, T> _displaced = [];

    public int Count => _byId.Count + _displaced.Count;

    public void Add(SpanNode span, T value)
    {
        if (_byId.TryGetValue(span.Id, out var older) && !ReferenceEquals(older.Span, span))
        {
            _displaced[older.Span] = older.Value;
        }
        _byId[span.Id] = (span, value);
    }

    /// <summary>The value of the newest live span with this ID.</summary>
    public T? Find(ulong id) => _byId.TryGetValue(id, out var found) ? found.Value : null;

    public T? Find(SpanNode span)
    {
        if (_byId.TryGetValue(span.Id, out var found) && ReferenceEquals(found.Span, span))
        {
            return found.Value;
        }
        return _displaced.Count > 0 ? _displaced.GetValueOrDefault(span) : null;
    }

    public T? Remove(SpanNode span)
    {
        if (_byId.TryGetValue(span.Id, out var found) && ReferenceEquals(found.Span, span))
        {
            _byId.Remove(span.Id);
            return found.Value;
        }
        return _displaced.Count > 0 && _displaced.Remove(span, out var displaced) ? displaced : null;
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var (_, value) in _byId.Values)
        {
            yield return value;
        }
        foreach (var value in _displaced.Values)
        {
            yield return value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
