namespace Ari.Wire;

/// <summary>
/// What the <see cref="SequenceMerger"/> hands on at a time: a stretch of one chunk's released slots, read
/// in place, then the records released right after them (stream records, and callback records that came
/// too late for their place). It holds no place of a reader's: <see cref="ReleasedItems.Enumerator"/>
/// reads it, on any one thread, and then calls <see cref="Finish"/>.
/// </summary>
internal sealed class ReleasedSlots
{
    private readonly bool _endsChunk;
    private List<WireItem>? _after;

    /// <summary>Slots <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="chunk"/>.</summary>
    public ReleasedSlots(SequenceChunk chunk, int start, int end)
    {
        Slots = chunk.Slots;
        // The store as it is now holds the values of every slot released so far; a larger one made later
        // holds them too, but this one never changes where they are.
        Values = chunk.Values;
        Start = start;
        End = end;
        _endsChunk = end == SequenceChunk.Length;
    }

    /// <summary>No slots: only records that follow what was released before.</summary>
    public ReleasedSlots()
    {
        Slots = [];
        Values = [];
    }

    /// <summary>The chunk's slots, of which <see cref="Start"/> to <see cref="End"/> (exclusive) are released here.</summary>
    public HeldCallback[] Slots { get; }

    /// <summary>The chunk's store of the slots' values.</summary>
    public byte[] Values { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>How many slots this hands on, empty ones included.</summary>
    public int SlotCount => End - Start;

    /// <summary>How many records follow the slots.</summary>
    public int AfterCount => _after?.Count ?? 0;

    /// <summary>A record to hand on after the slots; only the merger adds, before it hands this on.</summary>
    public void AddAfter(in WireItem item) => (_after ??= []).Add(item);

    /// <summary>The <paramref name="index"/>th record after the slots.</summary>
    public WireItem After(int index) => _after![index];

    /// <summary>Everything has been taken: the chunk's last stretch gives its slots' array back to the pool.</summary>
    public void Finish()
    {
        if (_endsChunk)
        {
            SequenceChunk.SlotArrays.Return(Slots);
        }
    }
}
