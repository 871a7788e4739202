namespace Ari.Wire;

/// <summary>
/// The input ended inside a frame (or inside the header, when <see cref="Offset"/> is 0). Every record before
/// <see cref="Offset"/> was decoded; the <see cref="BytesLeftOver"/> bytes from there to the cut were not.
/// </summary>
public readonly record struct Truncation(long Offset, long BytesLeftOver)
{
    /// <summary>The offset at which the input stopped.</summary>
    public long EndOffset => Offset + BytesLeftOver;
}
