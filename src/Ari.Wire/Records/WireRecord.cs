namespace Ari.Wire;

/// <summary>
/// One decoded frame. <see cref="Offset"/> is where its frame (the length varint) starts in the stream,
/// so any later complaint about the record can say where it came from.
/// </summary>
public abstract record WireRecord(long Offset)
{
    public abstract RecordKind Kind { get; }
}
