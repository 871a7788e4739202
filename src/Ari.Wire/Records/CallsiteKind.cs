namespace Ari.Wire;

/// <summary>Whether a callsite creates spans or emits events.</summary>
public enum CallsiteKind : byte
{
    Span = 0,
    Event = 1,
}
