using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Native;

namespace Ari.Export.Sql;

/// <summary>
/// Rows of one table, kept as typed cells (text as UTF-8) in the order they were made, until another
/// thread writes them into a DuckDB data chunk: at most a chunk's 2,048 rows. The chunk's strings point
/// into the batch's text, which is pinned for that, so the batch must stay as it is until DuckDB has
/// taken the chunk in. Reused: <see cref="Clear"/> keeps its arrays.
/// </summary>
internal sealed class RowBatch
{
    private const int FullAtRows = 1024;
    private const int FullAtTextBytes = 1 << 19;

    private readonly int _columns;
    private Cell[] _cells;
    private int _cellCount;
    private byte[] _text = GC.AllocateUninitializedArray<byte>(1 << 12, pinned: true);
    private int _textLength;

    /// <param name="columns">How many cells each row has.</param>
    public RowBatch(int columns)
    {
        _columns = columns;
        _cells = new Cell[columns * 64];
    }

    private enum CellKind : byte
    {
        Null,
        Unsigned,
        Signed,
        Boolean,
        Real,
        Text,
    }

    /// <summary>A value; for text, <c>Bits</c> is where its bytes start and <c>Length</c> how many there are.</summary>
    /// <remarks>Laid out by the runtime, in 16 bytes rather than the 24 of its fields in order: a batch of the tasks table is 2,048 rows of 30 cells.</remarks>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Cell(CellKind Kind, ulong Bits, int Length = 0);

    public int Rows { get; private set; }

    public bool IsFull => Rows == FullAtRows || _textLength >= FullAtTextBytes;

    public bool IsEmpty => Rows == 0;

    public RowBatch AppendValue(ulong? value) => Add(value is { } bits ? new Cell(CellKind.Unsigned, bits) : default);

    public RowBatch AppendValue(long? value) => Add(value is { } number ? new Cell(CellKind.Signed, (ulong)number) : default);

    public RowBatch AppendValue(bool? value) => Add(value is { } flag ? new Cell(CellKind.Boolean, flag ? 1UL : 0UL) : default);

    public RowBatch AppendValue(double? value) => Add(value is { } real ? new Cell(CellKind.Real, (ulong)BitConverter.DoubleToInt64Bits(real)) : default);

    public RowBatch AppendValue(string? value)
    {
        if (value is null)
        {
            return Add(default);
        }
        var length = Encoding.UTF8.GetByteCount(value);
        Encoding.UTF8.GetBytes(value, TextRoom(length));
        return AddText(length);
    }

    /// <summary>Text already in UTF-8.</summary>
    public RowBatch AppendUtf8(ReadOnlySpan<byte> value)
    {
        value.CopyTo(TextRoom(value.Length));
        return AddText(value.Length);
    }

    /// <exception cref="InvalidOperationException">The row has more or fewer cells than the table has columns.</exception>
    public void EndRow()
    {
        if (_cellCount != (Rows + 1) * _columns)
        {
            throw new InvalidOperationException($"a row of {_cellCount - Rows * _columns} cells for {_columns} columns");
        }
        Rows++;
    }

    /// <summary>
    /// Writes the rows into <paramref name="chunk"/>, whose vectors are of <paramref name="types"/>; a
    /// cell of another type than its column's is an error, not a conversion. Nothing here asks DuckDB to
    /// allocate (its string heap could throw past the memory limit, through this callback).
    /// </summary>
    public unsafe void WriteTo(DuckDBDataChunk chunk, IReadOnlyList<DuckDBType> types)
    {
        var text = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_text));
        for (var column = 0; column < _columns; column++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, column);
            var data = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            var kind = KindOf(types[column]);
            ulong* validity = null;
            for (var row = 0; row < Rows; row++)
            {
                var cell = _cells[row * _columns + column];
                if (cell.Kind == CellKind.Null)
                {
                    if (validity is null)
                    {
                        NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
                        validity = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
                    }
                    validity[row >> 6] &= ~(1UL << (row & 63));
                    continue;
                }
                if (cell.Kind != kind)
                {
                    throw new InvalidOperationException($"a {cell.Kind} value for a {types[column]} column");
                }
                switch (kind)
                {
                    case CellKind.Boolean:
                        ((byte*)data)[row] = (byte)cell.Bits;
                        break;
                    case CellKind.Text:
                        ((DuckDBString*)data)[row] = new DuckDBString(text + cell.Bits, cell.Length);
                        break;
                    default:
                        ((ulong*)data)[row] = cell.Bits;
                        break;
                }
            }
        }
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(chunk, (ulong)Rows);
    }

    public void Clear()
    {
        _cellCount = 0;
        _textLength = 0;
        Rows = 0;
    }

    private static CellKind KindOf(DuckDBType type) => type switch
    {
        DuckDBType.UnsignedBigInt => CellKind.Unsigned,
        DuckDBType.BigInt => CellKind.Signed,
        DuckDBType.Boolean => CellKind.Boolean,
        DuckDBType.Double => CellKind.Real,
        DuckDBType.Varchar => CellKind.Text,
        _ => throw new NotSupportedException($"a {type} column"),
    };

    private Span<byte> TextRoom(int length)
    {
        if (_textLength + length > _text.Length)
        {
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_text.Length * 2, _textLength + length), pinned: true);
            _text.AsSpan(0, _textLength).CopyTo(larger);
            _text = larger;
        }
        return _text.AsSpan(_textLength, length);
    }

    private RowBatch AddText(int length)
    {
        Add(new Cell(CellKind.Text, (ulong)_textLength, length));
        _textLength += length;
        return this;
    }

    private RowBatch Add(Cell cell)
    {
        if (_cellCount == _cells.Length)
        {
            Array.Resize(ref _cells, _cells.Length * 2);
        }
        _cells[_cellCount++] = cell;
        return this;
    }
}
