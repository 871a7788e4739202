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

    private const int Slots = 1024;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string[] _values = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Decode(utf8);
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        int slot = hash.ToHashCode() & (Slots - 1);
        if (_keys[slot] is { } key && key.AsSpan().SequenceEqual(utf8))
        {
            return _values[slot];
        }

        string text = Decode(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = text;
        return text;
    }

    // Invalid UTF-8 becomes U+FFFD: the spec asks a reader to cope with it, not to reject it.
    public static string Decode(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
