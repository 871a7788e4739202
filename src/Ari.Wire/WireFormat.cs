namespace Ari.Wire;

/// <summary>The constants of docs/wire-format.md that a reader and a writer must agree on.</summary>
public static class WireFormat
{
    /// <summary>The only format version this library reads and writes.</summary>
    public const byte Version = 1;

    public const int HeaderLength = 8;

    /// <summary>The largest frame length a reader accepts; anything larger means the stream is not ari data or is damaged.</summary>
    public const int MaxFrameLength = 16 * 1024 * 1024;

    /// <summary>A varint never needs more bytes than this for a 64-bit value.</summary>
    public const int MaxVarintLength = 10;

    /// <summary>The largest callsite, thread or field index a reader accepts (docs/wire-format.md).</summary>
    public const int MaxIndex = (1 << 24) - 1;

    /// <summary>ASCII <c>ARITAP</c>, the first six bytes of every stream.</summary>
    public static ReadOnlySpan<byte> Magic => "ARITAP"u8;
}
