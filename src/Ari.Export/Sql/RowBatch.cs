using System.Text;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// Rows for several tables, kept as typed cells (text as UTF-8) in the order they were made, to be
/// appended on another thread than the one that makes them. Reused: <see cref="Clear"/> keeps its arrays.
/// </summary>
internal sealed class RowBatch
{
    private const int FullAtRows = 2048;
    private const int FullAtTextBytes = 1 << 18;

    private Cell[] _cells = new Cell[FullAtRows * 8];
    private int _cellCount;
    private byte[] _text = new byte[FullAtTextBytes * 2];
    private int _textLength;
    private readonly Row[] _rows = new Row[FullAtRows];
    private int _rowCount;

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
    private readonly record struct Cell(CellKind Kind, ulong Bits, int Length = 0);

    /// <summary>A row: its table's index and where its cells end.</summary>
    private readonly record struct Row(int Table, int CellsEnd);

    public bool IsFull => _rowCount == FullAtRows || _textLength >= FullAtTextBytes;

    public bool IsEmpty => _rowCount == 0;

    /// <summary>Starts a row of the table at <paramref name="table"/> in the appenders given to <see cref="AppendTo"/>.</summary>
    public RowBatch StartRow(int table)
    {
        _rows[_rowCount] = new Row(table, _cellCount);
        return this;
    }

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

    public void EndRow()
    {
        _rows[_rowCount] = _rows[_rowCount] with { CellsEnd = _cellCount };
        _rowCount++;
    }

    /// <summary>Appends every row to its table's appender, in the order the rows were made.</summary>
    public void AppendTo(IReadOnlyList<TableAppender> tables)
    {
        var cell = 0;
        for (var r = 0; r < _rowCount; r++)
        {
            var row = tables[_rows[r].Table].CreateRow();
            for (; cell < _rows[r].CellsEnd; cell++)
            {
                Append(row, _cells[cell]);
            }
            row.EndRow();
        }
    }

    public void Clear()
    {
        _cellCount = 0;
        _textLength = 0;
        _rowCount = 0;
    }

    private void Append(IDuckDBAppenderRow row, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Unsigned:
                row.AppendValue((ulong?)cell.Bits);
                break;
            case CellKind.Signed:
                row.AppendValue((long?)(long)cell.Bits);
                break;
            case CellKind.Boolean:
                row.AppendValue((bool?)(cell.Bits != 0));
                break;
            case CellKind.Real:
                row.AppendValue((double?)BitConverter.Int64BitsToDouble((long)cell.Bits));
                break;
            case CellKind.Text:
                row.AppendValue(_text.AsSpan((int)cell.Bits, cell.Length));
                break;
            default:
                row.AppendNullValue();
                break;
        }
    }

    private Span<byte> TextRoom(int length)
    {
        if (_textLength + length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + length));
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
