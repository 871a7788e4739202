namespace Ari.Wire;

/// <summary>
/// Callback records held by the <see cref="SequenceMerger"/> whose sequence numbers increase: most often
/// one batch, whose records a thread wrote in order. The merger orders whole runs by their head, not
/// every record on its own.
/// </summary>
internal sealed class HeldRun
{
    private CallbackRecord[] _records = new CallbackRecord[64];
    private int _head;
    private int _tail;

    public bool IsEmpty => _head == _tail;

    public int Count => _tail - _head;

    public ulong HeadSequence => _records[_head].Sequence;

    public ulong LastSequence => _records[_tail - 1].Sequence;

    public void Append(CallbackRecord record)
    {
        if (_tail == _records.Length)
        {
            if (_head > 0)
            {
                Array.Copy(_records, _head, _records, 0, Count);
                Array.Clear(_records, Count, _head);
                _tail -= _head;
                _head = 0;
            }
            else
            {
                Array.Resize(ref _records, _records.Length * 2);
            }
        }

        _records[_tail++] = record;
    }

    /// <summary>The head, which leaves the run; the slot is cleared so the record is not kept alive by the run.</summary>
    public CallbackRecord Take()
    {
        CallbackRecord record = _records[_head];
        _records[_head++] = null!;
        if (_head == _tail)
        {
            _head = 0;
            _tail = 0;
        }

        return record;
    }
}
