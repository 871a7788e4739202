namespace Ari.Console.Model;

/// <summary>
/// Writes one packed row (<see cref="EndedRows{T}"/>): each figure as an unsigned LEB128 number, so small
/// counts, numbers of shared parts and durations take a byte or a few instead of eight. Reused row after row.
/// </summary>
internal sealed class RowWriter
{
    private byte[] _bytes = new byte[256];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Write(ulong value)
    {
        if (_bytes.Length - Length < 10)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _bytes[Length++] = (byte)value;
    }

    public void Write(long value) => Write(unchecked((ulong)value));

    public void Write(bool value) => Write(value ? 1UL : 0UL);
}
