namespace Ari.Wire;

/// <summary>
/// The open batch: the thread every callback record belongs to and the last sequence number and
/// timestamp, which the next record's deltas are relative to.
/// </summary>
internal struct BatchState
{
    public bool IsOpen;
    public bool AwaitsFirst;
    public int ThreadIndex;
    public ulong Sequence;
    public ulong Timestamp;

    public void Open(int threadIndex, ulong sequence, ulong timestamp)
    {
        IsOpen = true;
        AwaitsFirst = true;
        ThreadIndex = threadIndex;
        Sequence = sequence;
        Timestamp = timestamp;
    }

    /// <summary>A stream record ends the batch: the callback records after it need a new Batch record.</summary>
    public void Close() => IsOpen = false;
}
