using System.Buffers.Binary;
using System.Text;

namespace Ari.Wire;

/// <summary>
/// Recent short strings by their UTF-8 bytes, so a value that recurs (<c>waker.clone</c>, a channel's
/// state, a source path) is decoded and allocated once rather than once a record. Direct-mapped: a
/// slot holds the last string whose bytes hashed to it, so a miss costs one decode, as without a cache.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Longer strings are rarely repeated verbatim, and hashing them costs more than it saves.</summary>
    private const int MaxLength = 64;

    private const int SlotBits = 10;

    private const int Slots = 1 << SlotBits;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string[] _values = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Decode(utf8);
        }

        int slot = SlotOf(utf8);
        if (_keys[slot] is { } key && key.AsSpan().SequenceEqual(utf8))
        {
            return _values[slot];
        }

        string text = Decode(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = text;
        return text;
    }

    /// <summary>
    /// A slot from the length and the first and last eight bytes: a full hash of every byte cost more
    /// than the lookup saved. Strings that share all three only take turns in one slot (a miss is a
    /// decode, as without a cache); the comparison of all bytes keeps every hit exact.
    /// </summary>
    private static int SlotOf(ReadOnlySpan<byte> utf8)
    {
        ulong mix = (ulong)utf8.Length;
        if (utf8.Length >= sizeof(ulong))
        {
            mix ^= BinaryPrimitives.ReadUInt64LittleEndian(utf8) * 0x9E3779B97F4A7C15;
            mix ^= BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]) * 0xC2B2AE3D27D4EB4F;
        }
        else
        {
            foreach (byte b in utf8)
            {
                mix = (mix << 8) | b;
            }

            mix *= 0x9E3779B97F4A7C15;
        }

        return (int)((mix * 0x165667B19E3779F9) >> (64 - SlotBits));
    }

    // Invalid UTF-8 becomes U+FFFD: the spec asks a reader to cope with it, not to reject it.
    public static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
