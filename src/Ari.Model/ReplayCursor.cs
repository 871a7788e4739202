using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// A replay that stops at a moment and goes on later from where it stopped: <see cref="Replay.Play"/>
/// cut at <c>until</c>, with the source kept open and the first record after the cut kept for the next
/// call. The console's time cursor moves forward through it without reading the recording again. A
/// cursor can also start from a copy of a replay taken earlier (a checkpoint): the records that copy has
/// already seen are then read past without being replayed (<see cref="ItemsTaken"/>).
/// </summary>
public sealed class ReplayCursor : IDisposable
{
    private readonly RecordSource _source;
    private ReleasedItems.Enumerator _items;
    private bool _holding;
    private bool _ended;
    private RecordingDamage? _damage;

    /// <param name="source">The recording, unread.</param>
    /// <param name="replay">A fresh replay, or a copy of one that had taken the first <paramref name="itemsTaken"/> records of the same recording.</param>
    /// <param name="itemsTaken">Records of <paramref name="source"/> that <paramref name="replay"/> has already applied: read past, not applied.</param>
    public ReplayCursor(RecordSource source, Replay replay, long itemsTaken = 0)
    {
        _source = source;
        Replay = replay;
        _items = source.ReadItems().GetEnumerator();
        for (var skipped = 0L; skipped < itemsTaken; skipped++)
        {
            if (!Next())
            {
                throw new InvalidOperationException($"the recording ends before the {itemsTaken} records a checkpoint had taken");
            }
        }
        ItemsTaken = itemsTaken;
    }

    public Replay Replay { get; }

    /// <summary>Records read and applied so far (stream records included): where a copy of <see cref="Replay"/> stands.</summary>
    public long ItemsTaken { get; private set; }

    /// <summary>The latest timestamp of the callback records applied so far: the cursor can go on to any moment at or after it.</summary>
    public ulong LatestTimestamp { get; private set; }

    /// <summary>The time of the callback record the cursor stopped before, when it stopped at a moment rather than the end.</summary>
    public ulong? NextTimestamp => _holding ? _items.Current.Timestamp : null;

    /// <summary>
    /// How many records <see cref="Play"/> can take now without waiting for a stream that is still being
    /// written (a recording followed as it grows): 0 when the next one has not come yet.
    /// </summary>
    public int RecordsReady => _ended ? 0
        : _holding ? 1
        : _items.UnreadInStretch() is > 0 and var unread ? unread
        : _source.HasReleasedReady ? 1 : 0;

    /// <summary>Whether the recording has been read to its end (or its damage).</summary>
    public bool IsAtEnd => _ended;

    /// <summary>How far the reader has read the source: it reads ahead of the replay.</summary>
    public long BytesRead => _source.BytesConsumed;

    /// <summary>
    /// Replays records into <paramref name="sink"/> until the first callback record stamped after
    /// <paramref name="until"/>, or until <paramref name="maxItems"/> records were taken, or to the end.
    /// </summary>
    public void Play(IEntrySink sink, ulong until, long maxItems = long.MaxValue)
    {
        for (var taken = 0L; taken < maxItems && !_ended; taken++)
        {
            if (!_holding && !Next())
            {
                return;
            }
            ref readonly var item = ref _items.Current;
            if (item.IsCallback && item.Timestamp > until)
            {
                _holding = true;
                return;
            }
            _holding = false;
            if (item.IsCallback)
            {
                LatestTimestamp = Math.Max(LatestTimestamp, item.Timestamp);
            }
            Replay.Apply(item, sink);
            ItemsTaken++;
        }
    }

    /// <summary>How the recording ended, once <see cref="IsAtEnd"/>: what <see cref="Replay.Play"/> returns.</summary>
    public RecordingEnd Ending => Replay.EndOf(_source, _damage);

    public void Dispose()
    {
        // The source first: it ends a read its reading thread may be waiting in (a file still being
        // written waits for more), which the items' disposal then waits for.
        _source.Dispose();
        _items.Dispose();
    }

    private bool Next()
    {
        try
        {
            if (_items.MoveNext())
            {
                return true;
            }
        }
        catch (WireFormatException e)
        {
            _damage = Replay.Damage(e);
        }
        _ended = true;
        return false;
    }
}
