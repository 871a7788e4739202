namespace Ari.Wire.Tests;

/// <summary>Varints read back exactly as written, at every length and whatever bytes follow them.</summary>
public class VarintTests
{
    [Fact]
    public void Every_length_reads_back_what_was_written_whatever_follows()
    {
        var random = new Random(6);
        var buffer = new byte[WireFormat.MaxVarintLength + 8];
        for (int bits = 0; bits <= 64; bits++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                ulong value = bits == 0 ? 0 : (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2);
                value = bits == 64 ? value : value & ((1UL << bits) - 1);
                random.NextBytes(buffer);
                int written = Varint.Write(buffer, value);
                for (int end = written; end <= buffer.Length; end++)
                {
                    Assert.Equal(VarintStatus.Done, Varint.TryRead(buffer.AsSpan(0, end), out ulong read, out int length));
                    Assert.Equal((value, written), (read, length));
                }
            }
        }
    }

    [Fact]
    public void A_varint_cut_short_needs_more_and_one_too_long_is_refused()
    {
        byte[] cut = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80];
        Assert.Equal(VarintStatus.NeedMore, Varint.TryRead(cut, out _, out _));

        byte[] eleven = [.. Enumerable.Repeat((byte)0xFF, 10), 0x01];
        Assert.Equal(VarintStatus.TooLong, Varint.TryRead(eleven, out _, out _));
    }
}
