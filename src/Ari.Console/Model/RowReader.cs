namespace Ari.Console.Model;

/// <summary>Reads one packed row back, figure by figure, in the order <see cref="RowWriter"/> wrote them.</summary>
internal ref struct RowReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _at;

    public ulong Read()
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var next = _bytes[_at++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
            shift += 7;
        }
    }

    public long ReadLong() => unchecked((long)Read());

    public int ReadInt() => unchecked((int)Read());

    public bool ReadBool() => Read() != 0;
}
