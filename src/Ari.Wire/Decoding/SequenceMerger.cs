using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// Restores the order in which tracing called the layer. Batches of different threads reach the stream in
/// any order, so callback records are held until a <see cref="Watermark"/> proves nothing earlier can still
/// come, then released by sequence number. Stream records are never reordered: they are released as they
/// arrive, after whatever a watermark released. <see cref="StreamEnd"/> and <see cref="Complete"/> release
/// everything still held.
/// </summary>
/// <remarks>
/// The tap numbers every callback from one counter, so held records are placed by number: each is written
/// once, into its slot in a <see cref="SequenceChunk"/>, with its values still encoded, and releasing
/// slots up to a watermark hands them on in place (<see cref="ReleasedSlots"/>, taken with
/// <see cref="TryTakeReleased"/>), to a reader on this thread or another.
/// Holding and releasing compare nothing and copy nothing more; the slots of numbers that never came
/// (dropped records) are skipped. Even handed on, values stay encoded until someone reads them
/// (<see cref="FieldValues"/>).
/// <para>
/// Released records' timestamps never go down in sequence order. The tap takes a record's number, then
/// reads the clock; a thread preempted between the two stamps its record later than records numbered
/// after it (by milliseconds on a busy machine), and a cut at a moment (<c>--until</c>, the console's
/// time cursor), which stops at the first record stamped after it, would leave out the records stamped
/// before it that follow. Such a record is given the time of the next record, which is as true a time
/// for it: that record took its number after this one did and read the clock after its number, so this
/// record's callback, still waiting for its clock, was running then. The watermark's clock
/// (<see cref="WatermarkClock"/>) bounds the records that come after the watermark the same way.
/// </para>
/// </remarks>
internal sealed class SequenceMerger
{
    /// <summary>Chunks with slots not yet released, by <see cref="SequenceChunk.Base"/>: two or three at a time.</summary>
    private readonly List<SequenceChunk> _held = [];

    /// <summary>The chunk the last record went to: the next one nearly always goes there too.</summary>
    private SequenceChunk? _recent;

    /// <summary>How many bytes of values the last chunk released held: the next is likely to hold as many.</summary>
    private int _chunkValueBytes;

    /// <summary>Released records not yet handed on, in order.</summary>
    private readonly Queue<ReleasedSlots> _ready = new();

    /// <summary>The last of <see cref="_ready"/>, which records released after its slots join.</summary>
    private ReleasedSlots? _readyTail;

    /// <summary>The latest watermark: every callback record below it has been released.</summary>
    public ulong Watermark { get; private set; }

    /// <summary>Records held until a watermark passes them; counted on demand.</summary>
    public int HeldCount => _held.Sum(chunk => chunk.CountHeld());

    /// <summary>
    /// Callback records that came out of order: below the watermark, or with the number of a record already
    /// held. A correct tap writes neither. They are released at once rather than lost; a viewer can warn
    /// when this is not 0.
    /// </summary>
    public long LateCount { get; private set; }

    /// <summary>A callback record from the decoder, its values still encoded.</summary>
    internal void Add(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        if (record.Sequence >= Watermark && ChunkFor(record.Sequence).TryHold(record, values))
        {
            return;
        }

        LateCount++;
        ReleaseNow(record.ToItem(values));
    }

    internal void Add(StreamRecord record)
    {
        switch (record)
        {
            case WatermarkClock clocked:
                Watermark = Math.Max(Watermark, clocked.Sequence);
                Release(Watermark, laterStampedFrom: clocked.Timestamp);
                break;
            case Watermark watermark:
                Watermark = Math.Max(Watermark, watermark.Sequence);
                Release(Watermark);
                break;
            case StreamEnd:
                ReleaseAll();
                break;
        }

        ReleaseNow(WireItem.ForStream(record));
    }

    /// <summary>No more records will come (the stream ended, cleanly or cut): release everything held.</summary>
    public void Complete() => ReleaseAll();

    /// <summary>
    /// Hands over the oldest released records: a reader, on this thread or another, takes them through
    /// <see cref="ReleasedItems"/>.
    /// </summary>
    internal bool TryTakeReleased([NotNullWhen(true)] out ReleasedSlots? released)
    {
        if (!_ready.TryDequeue(out released))
        {
            return false;
        }

        if (ReferenceEquals(released, _readyTail))
        {
            // Handed on: what is released next goes into a new one.
            _readyTail = null;
        }

        return true;
    }

    /// <summary>The chunk that holds <paramref name="sequence"/>'s slot, made when none does yet.</summary>
    private SequenceChunk ChunkFor(ulong sequence)
    {
        if (_recent is { } recent && sequence - recent.Base < SequenceChunk.Length)
        {
            return recent;
        }

        ulong @base = SequenceChunk.BaseOf(sequence);
        int at = 0;
        while (at < _held.Count && _held[at].Base < @base)
        {
            at++;
        }

        if (at == _held.Count || _held[at].Base != @base)
        {
            _held.Insert(at, new SequenceChunk(@base, _chunkValueBytes));
        }

        _recent = _held[at];
        return _recent;
    }

    /// <summary>Hands on a record right after everything released so far.</summary>
    private void ReleaseNow(in WireItem item)
    {
        if (_readyTail is null)
        {
            Enqueue(new ReleasedSlots());
        }

        _readyTail!.AddAfter(item);
    }

    private void Enqueue(ReleasedSlots released)
    {
        _ready.Enqueue(released);
        _readyTail = released;
    }

    private void ReleaseAll() => Release(ulong.MaxValue, inclusive: true);

    /// <summary>
    /// Releases the held slots below <paramref name="watermark"/>, in order, none stamped later than
    /// <paramref name="laterStampedFrom"/>, the earliest time a record after them can have.
    /// </summary>
    private void Release(ulong watermark, bool inclusive = false, ulong laterStampedFrom = ulong.MaxValue)
    {
        StampInOrder(watermark, inclusive, laterStampedFrom);
        while (_held.Count > 0 && (_held[0].Base < watermark || inclusive))
        {
            SequenceChunk chunk = _held[0];
            ulong below = inclusive ? ulong.MaxValue : watermark - chunk.Base;
            int end = (int)Math.Min(below, SequenceChunk.Length);
            if (end > chunk.ReleasedUpTo)
            {
                Enqueue(new ReleasedSlots(chunk, chunk.ReleasedUpTo, end));
                chunk.ReleasedUpTo = end;
            }

            if (end < SequenceChunk.Length)
            {
                return;
            }

            _held.RemoveAt(0);
            _chunkValueBytes = chunk.ValueBytes;
            if (ReferenceEquals(_recent, chunk))
            {
                _recent = null;
            }
        }
    }

    /// <summary>Keeps the timestamps of the slots <see cref="Release"/> is about to release in order (see the remarks above).</summary>
    private void StampInOrder(ulong watermark, bool inclusive, ulong bound)
    {
        for (int at = _held.Count - 1; at >= 0; at--)
        {
            SequenceChunk chunk = _held[at];
            if (inclusive || chunk.Base < watermark)
            {
                int end = inclusive ? SequenceChunk.Length : (int)Math.Min(watermark - chunk.Base, SequenceChunk.Length);
                bound = chunk.StampNoLaterThanNext(chunk.ReleasedUpTo, end, bound);
            }
        }
    }
}
