using System.Buffers;

namespace Ari.Wire;

/// <summary>
/// Callback records, first in first out, with their values kept encoded in a byte store of the run's own,
/// in the records' order: records as <see cref="HeldCallback"/>s, so holding any number of them makes no
/// objects, and a block of records moves with one copy of their values, which lie together. The
/// <see cref="SequenceMerger"/> keeps one run per thread's stretch of increasing sequence numbers (a
/// thread writes its records in order) and orders whole runs by their head; its queue of records
/// ready to hand on is a run too, which also carries the stream records in their places.
/// </summary>
internal sealed class HeldRun
{
    /// <summary>
    /// Runs up to this many records keep their arrays in the shared pool; a larger run, a rare burst of
    /// held records, gives its arrays back to the collector when it empties.
    /// </summary>
    public const int PooledRecords = 8 * 1024;

    private const int PooledValueBytes = 256 * 1024;

    private HeldCallback[] _records = ArrayPool<HeldCallback>.Shared.Rent(64);
    private byte[] _values = ArrayPool<byte>.Shared.Rent(1024);
    private int _head;
    private int _tail;

    /// <summary>Where the head record's values start; each record's follow the one's before.</summary>
    private int _valuesHead;
    private int _valuesEnd;

    /// <summary>The stream records of the entries that stand for them, in order.</summary>
    private readonly Queue<StreamRecord> _streams = new();

    public bool IsEmpty => _head == _tail;

    public int Count => _tail - _head;

    public ulong HeadSequence => _records[_head].Sequence;

    public ulong LastSequence => _records[_tail - 1].Sequence;

    public int HeadThreadIndex => _records[_head].ThreadIndex;

    public void Append(in HeldCallback record, ReadOnlySpan<byte> values)
    {
        MakeRoom(1, values.Length);
        if (!values.IsEmpty)
        {
            // Seven records in ten (enters, exits, closes) have none: no call to copy nothing.
            values.CopyTo(_values.AsSpan(_valuesEnd));
            _valuesEnd += values.Length;
        }

        _records[_tail++] = record;
    }

    public void Append(StreamRecord record)
    {
        Append(HeldCallback.ForStream(record.Kind), []);
        _streams.Enqueue(record);
    }

    /// <summary>
    /// Moves records from the head to the end of <paramref name="target"/> while their sequence numbers
    /// are at most <paramref name="bound"/> and <paramref name="target"/> holds fewer than
    /// <paramref name="targetLimit"/>. Returns how many it moved. Held runs carry no stream records.
    /// </summary>
    public int MoveUpTo(ulong bound, HeldRun target, int targetLimit)
    {
        int room = targetLimit - target.Count;
        int end = _head + Math.Min(Count, room);
        int last = _head;
        int valuesLength = 0;
        while (last < end && _records[last].Sequence <= bound)
        {
            valuesLength += _records[last].ValuesLength;
            last++;
        }

        int moved = last - _head;
        if (moved > 0)
        {
            target.AppendBlock(_records.AsSpan(_head, moved), _values.AsSpan(_valuesHead, valuesLength));
            _head = last;
            _valuesHead += valuesLength;
        }

        ClearIfEmpty();
        return moved;
    }

    /// <summary>
    /// Moves the records of two runs to the end of <paramref name="target"/> in sequence order while their
    /// sequence numbers are at most <paramref name="bound"/>, neither run is empty and
    /// <paramref name="target"/> holds fewer than <paramref name="targetLimit"/>. Returns how many it moved.
    /// Two busy threads' records interleave two or three at a time: taking the lower head and appending it,
    /// record by record, costs less than finding each short block's end and moving it as a block.
    /// </summary>
    public static int Interleave(HeldRun first, HeldRun second, ulong bound, HeldRun target, int targetLimit)
    {
        int moved = 0;
        while (target.Count < targetLimit && !first.IsEmpty && !second.IsEmpty)
        {
            HeldRun from = first.HeadSequence < second.HeadSequence ? first : second;
            if (from.HeadSequence > bound)
            {
                break;
            }

            HeldCallback record = from.Take(out ReadOnlySpan<byte> values);
            target.Append(record, values);
            moved++;
        }

        return moved;
    }

    /// <summary>Appends consecutive records of another run with their values, which lie together: one copy each.</summary>
    private void AppendBlock(ReadOnlySpan<HeldCallback> records, ReadOnlySpan<byte> values)
    {
        MakeRoom(records.Length, values.Length);
        values.CopyTo(_values.AsSpan(_valuesEnd));
        records.CopyTo(_records.AsSpan(_tail));
        _tail += records.Length;
        _valuesEnd += values.Length;
    }

    /// <summary>The head leaves the run as the reader hands it on.</summary>
    public WireItem TakeItem()
    {
        HeldCallback head = Take(out ReadOnlySpan<byte> encoded);
        return head.IsStream ? WireItem.ForStream(_streams.Dequeue()) : head.ToItem(encoded);
    }

    /// <summary>The head leaves the run; its values stay readable until the next <see cref="Append"/>.</summary>
    public HeldCallback Take(out ReadOnlySpan<byte> values)
    {
        HeldCallback record = _records[_head++];
        values = _values.AsSpan(_valuesHead, record.ValuesLength);
        _valuesHead += record.ValuesLength;
        ClearIfEmpty();
        return record;
    }

    private void ClearIfEmpty()
    {
        if (_head == _tail)
        {
            Clear();
        }
    }

    private void Clear()
    {
        _head = 0;
        _tail = 0;
        _valuesHead = 0;
        _valuesEnd = 0;
        ShrinkAfterBurst();
    }

    /// <summary>Room at the end for <paramref name="records"/> more records and <paramref name="valueBytes"/> of their values.</summary>
    private void MakeRoom(int records, int valueBytes)
    {
        while (records > _records.Length - _tail)
        {
            MakeRoomForRecord();
        }

        if (valueBytes > _values.Length - _valuesEnd)
        {
            MakeRoomForValues(valueBytes);
        }
    }

    private void MakeRoomForRecord()
    {
        if (_head > 0)
        {
            Compact();
        }
        else
        {
            Replace(ref _records, _records.Length * 2, _tail, PooledRecords);
        }
    }

    private void MakeRoomForValues(int needed)
    {
        if (_head > 0)
        {
            Compact();
        }

        int size = _values.Length;
        while (size - _valuesEnd < needed)
        {
            size *= 2;
        }

        if (size > _values.Length)
        {
            Replace(ref _values, size, _valuesEnd, PooledValueBytes);
        }
    }

    /// <summary>
    /// Records already taken leave room at the front: moves what is left there, values with them, so a
    /// run that is never quite empty (appended to while it is released) does not grow without end.
    /// </summary>
    private void Compact()
    {
        Array.Copy(_records, _head, _records, 0, Count);
        _tail -= _head;
        _head = 0;
        _values.AsSpan(_valuesHead, _valuesEnd - _valuesHead).CopyTo(_values);
        _valuesEnd -= _valuesHead;
        _valuesHead = 0;
    }

    /// <summary>
    /// An emptied run gives back what a burst made it grow to: runs are recycled, and each would
    /// otherwise keep the largest burst it ever held for as long as the recording is read.
    /// </summary>
    private void ShrinkAfterBurst()
    {
        if (_records.Length > PooledRecords)
        {
            Replace(ref _records, PooledRecords, 0, PooledRecords);
        }

        if (_values.Length > PooledValueBytes)
        {
            Replace(ref _values, PooledValueBytes, 0, PooledValueBytes);
        }
    }

    /// <summary>
    /// Swaps <paramref name="array"/> for one of <paramref name="size"/>, keeping its first
    /// <paramref name="used"/> items. Arrays up to <paramref name="pooledUpTo"/> come from and go back to
    /// the shared pool: they are large (the large object heap, collected only with generation 2) and the
    /// next watermark soon wants them again. Larger ones, a rare burst's, are left to the collector, so the
    /// pool never keeps the largest burst ever seen.
    /// </summary>
    private static void Replace<T>(ref T[] array, int size, int used, int pooledUpTo)
    {
        T[] replacement = size <= pooledUpTo ? ArrayPool<T>.Shared.Rent(size) : new T[size];
        array.AsSpan(0, used).CopyTo(replacement);
        if (array.Length <= pooledUpTo)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = replacement;
    }
}
