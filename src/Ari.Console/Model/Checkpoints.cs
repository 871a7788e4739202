namespace Ari.Console.Model;

/// <summary>
/// The checkpoints an opening read keeps: a copy of the state at its start, then one each time the
/// reader has gone a spacing further. When their copies have taken more than a budget, or there are more
/// than a number of them, every other one goes and the spacing doubles, so they stay evenly spread over
/// any length within a flat budget (a recording still growing has no length to divide beforehand).
/// </summary>
internal sealed class Checkpoints
{
    private readonly List<(TimelineState State, long Bytes, long AtByte)> _kept = [];
    private readonly long _budget;
    private readonly int _most;
    private long _spacing;
    private long _nextAtByte;

    /// <param name="first">The state before any record.</param>
    /// <param name="spacing">Bytes of the recording between two checkpoints, to begin with.</param>
    /// <param name="budget">Bytes the copies may have allocated, together.</param>
    /// <param name="most">How many there may be.</param>
    public Checkpoints(TimelineState first, long spacing, long budget, int most)
    {
        _budget = budget;
        _most = most;
        _spacing = Math.Max(1, spacing);
        Add(first, atByte: 0);
    }

    public IReadOnlyList<TimelineState> Kept => _kept.ConvertAll(kept => kept.State);

    /// <summary>
    /// The replay stands at <paramref name="state"/> with the reader at <paramref name="bytesRead"/>: a
    /// checkpoint when that is a spacing further. The reader is ahead of the replay by about as much
    /// each time, so the checkpoints stay evenly spread.
    /// </summary>
    public void Reached(TimelineState state, long bytesRead)
    {
        if (bytesRead < _nextAtByte)
        {
            return;
        }
        Add(state, _nextAtByte);
        if (_kept.Count > _most || _kept.Sum(kept => kept.Bytes) > _budget)
        {
            Thin();
        }
    }

    /// <summary>A checkpoint at <paramref name="atByte"/> whatever the spacing (tests ask for many).</summary>
    public void Add(TimelineState state, long atByte)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var copy = state.Copy();
        _kept.Add((copy, GC.GetAllocatedBytesForCurrentThread() - before, atByte));
        _nextAtByte = atByte + _spacing;
    }

    private void Thin()
    {
        for (var i = _kept.Count - 1; i > 0; i--)
        {
            if (i % 2 == 1)
            {
                _kept.RemoveAt(i);
            }
        }
        _spacing *= 2;
        _nextAtByte = _kept[^1].AtByte + _spacing;
    }
}
