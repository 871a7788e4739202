namespace Ari.Wire;

internal enum VarintStatus
{
    Done,

    /// <summary>The bytes ran out before the last byte of the varint.</summary>
    NeedMore,

    /// <summary>More than ten bytes, or a tenth byte that does not fit in 64 bits.</summary>
    TooLong,
}
