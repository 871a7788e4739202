using System.Runtime.CompilerServices;

namespace Ari.Wire;

/// <summary>Unsigned LEB128 and zigzag, as docs/wire-format.md defines them.</summary>
internal static class Varint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VarintStatus TryRead(ReadOnlySpan<byte> bytes, out ulong value, out int length)
    {
        // One-byte values (small deltas, indices, kinds) are by far the most common, then two-byte ones
        // (timestamp deltas of a microsecond or so, sequence deltas between two busy threads).
        if (bytes.Length > 0 && bytes[0] < 0x80)
        {
            value = bytes[0];
            length = 1;
            return VarintStatus.Done;
        }

        if (bytes.Length > 1 && bytes[1] < 0x80)
        {
            value = (bytes[0] & 0x7FUL) | ((ulong)bytes[1] << 7);
            length = 2;
            return VarintStatus.Done;
        }

        return TryReadLong(bytes, out value, out length);
    }

    private static VarintStatus TryReadLong(ReadOnlySpan<byte> bytes, out ulong value, out int length)
    {
        ulong result = 0;
        int limit = Math.Min(bytes.Length, WireFormat.MaxVarintLength);
        for (int i = 0; i < limit; i++)
        {
            byte b = bytes[i];
            if (i == WireFormat.MaxVarintLength - 1 && b > 1)
            {
                break;
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                value = result;
                length = i + 1;
                return VarintStatus.Done;
            }
        }

        value = 0;
        length = 0;
        return bytes.Length < WireFormat.MaxVarintLength && limit == bytes.Length ? VarintStatus.NeedMore : VarintStatus.TooLong;
    }

    public static int Size(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    public static int Write(Span<byte> destination, ulong value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
