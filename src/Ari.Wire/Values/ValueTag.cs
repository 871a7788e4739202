namespace Ari.Wire;

/// <summary>
/// The byte in front of each value on the wire, which says its type and how it is encoded
/// (docs/wire-format.md); a bool's value is its tag.
/// </summary>
internal enum ValueTag : byte
{
    /// <summary>A zigzag varint.</summary>
    I64 = 0,

    /// <summary>A varint.</summary>
    U64 = 1,

    /// <summary>16 bytes, little-endian.</summary>
    I128 = 2,

    /// <summary>16 bytes, little-endian.</summary>
    U128 = 3,

    /// <summary>8 bytes, IEEE 754, little-endian.</summary>
    F64 = 4,

    False = 5,

    True = 6,

    /// <summary>A string: varint length, UTF-8.</summary>
    Str = 7,

    /// <summary>A string, as <see cref="Str"/>.</summary>
    Debug = 8,

    /// <summary>A string, as <see cref="Str"/>.</summary>
    Error = 9,
}
