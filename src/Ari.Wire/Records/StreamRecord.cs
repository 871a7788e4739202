namespace Ari.Wire;

/// <summary>
/// A record written by the tap's writer thread. Stream records are never reordered: a reader passes them
/// on as they arrive, and each one closes the batch before it.
/// </summary>
public abstract record StreamRecord(long Offset) : WireRecord(Offset);
