using System.Runtime.InteropServices;

namespace Ari.Export.Sql;

/// <summary>
/// DuckDB's <c>duckdb_string_t</c> as it lies in a VARCHAR vector: the length, then up to 12 bytes
/// inline, or the first 4 bytes and a pointer to the whole text, which must outlive the vector's use.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct DuckDBString
{
    private const int InlineBytes = 12;

    [FieldOffset(0)]
    private readonly uint _length;

    [FieldOffset(4)]
    private fixed byte _inlined[InlineBytes];

    [FieldOffset(8)]
    private readonly byte* _pointer;

    public DuckDBString(byte* text, int length)
    {
        _length = (uint)length;
        if (length <= InlineBytes)
        {
            fixed (byte* inlined = _inlined)
            {
                new ReadOnlySpan<byte>(text, length).CopyTo(new Span<byte>(inlined, InlineBytes));
            }
        }
        else
        {
            fixed (byte* prefix = _inlined)
            {
                *(uint*)prefix = *(uint*)text;
            }
            _pointer = text;
        }
    }
}
