using Ari.Model;

namespace Ari.Views;

/// <summary>
/// What a view keeps for each span it shows (its label, its JSON texts), made on first use and let go
/// at the span's close. Found by span ID and checked against the span itself, because tracing reuses an
/// ID after close: hashing a number costs less than hashing the <see cref="SpanNode"/>, which takes a
/// trip into the runtime the first time for every new span. A close that a filter hid from the view
/// is made up for when the table has doubled since it was last swept: the spans closed by then go, so
/// it holds at most about twice the live spans the view has shown. In front of the table, a slot for
/// each of a few recent spans (by a hash of the ID): a line asks for every span of its scope, and
/// the next line mostly for the same few, which the slots answer without the table.
/// </summary>
internal sealed class SpanCache<T>
    where T : class
{
    private const int FirstSweepAt = 1024;
    private const int RecentBits = 10;

    private readonly Dictionary<ulong, (SpanNode Span, T Value)> _byId = [];
    private readonly (SpanNode? Span, T? Value)[] _recent = new (SpanNode?, T?)[1 << RecentBits];
    private int _sweepAt = FirstSweepAt;

    public T? Find(SpanNode span)
    {
        ref var recent = ref _recent[Slot(span.Id)];
        if (ReferenceEquals(recent.Span, span))
        {
            return recent.Value;
        }
        if (_byId.TryGetValue(span.Id, out var kept) && ReferenceEquals(kept.Span, span))
        {
            recent = kept;
            return kept.Value;
        }
        return null;
    }

    public void Keep(SpanNode span, T value)
    {
        if (_byId.Count >= _sweepAt)
        {
            SweepClosed();
        }
        _byId[span.Id] = (span, value);
        _recent[Slot(span.Id)] = (span, value);
    }

    /// <summary>The span closed: nothing shows it again but as the parent of a span that outlives it, which makes its value anew.</summary>
    public void Forget(SpanNode span)
    {
        if (_byId.Remove(span.Id, out var kept) && !ReferenceEquals(kept.Span, span))
        {
            // Another span took the ID (this one's close was lost or hidden): it stays.
            _byId[span.Id] = kept;
        }
        ref var recent = ref _recent[Slot(span.Id)];
        if (ReferenceEquals(recent.Span, span))
        {
            recent = default;
        }
    }

    private void SweepClosed()
    {
        foreach (var (id, kept) in _byId)
        {
            if (kept.Span.IsClosed)
            {
                _byId.Remove(id);
            }
        }
        _sweepAt = Math.Max(FirstSweepAt, 2 * _byId.Count);
    }

    /// <summary>Fibonacci hashing: the ID's bits spread over the slot number (its low bits alone repeat across a slab's shards).</summary>
    private static int Slot(ulong id) => (int)((id * 0x9E3779B97F4A7C15UL) >> (64 - RecentBits));
}
