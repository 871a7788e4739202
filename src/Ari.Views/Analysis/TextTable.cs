namespace Ari.Views.Analysis;

/// <summary>
/// A table for people, in plain text: a header, a rule, then one line a row, each column as wide as its
/// widest cell, numbers right-aligned where asked. It looks like Spectre.Console's simple-bordered table,
/// which ari used before, but never wraps a cell (a row stays one line, so it can be searched and cut
/// with line tools) and costs about what writing the text costs: Spectre measured and laid out every cell
/// as segments first, and took 9 s and 650 MB for the 40,003 tasks of the benchmark's recording.
/// </summary>
/// <remarks>
/// The widths need every row before the first is written, so a table keeps its rows: each as one string,
/// its cells separated by a character no cell can hold, rather than an array and a string a cell, each
/// with a header of its own (a task's row has sixteen cells), in <see cref="OrderedRows"/>, which go to disk
/// past a megabyte of text; the widths are kept as rows come, so the rows are read back once.
/// </remarks>
public sealed class TextTable
{
    private const string Gap = "   ";
    private const string Margin = "  ";

    /// <summary>Between a row's cells: a control character, and every control character in a cell shows as a space.</summary>
    private const char CellEnd = '\0';

    private readonly string? _title;
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly int[] _widths;
    private readonly OrderedRows _rows;
    private char[] _scratch = new char[256];

    public TextTable(params string[] headers)
        : this(null, headers)
    {
    }

    private TextTable(string? title, string[] headers, int spillChars = OrderedRows.DefaultSpillChars)
    {
        _title = title;
        _headers = headers;
        _rows = new OrderedRows(spillChars);
        _rightAligned = new bool[headers.Length];
        _widths = headers.Select(header => DisplayWidth(header)).ToArray();
    }

    /// <summary>A table with a title centred above it.</summary>
    public static TextTable Titled(string title, params string[] headers) => new(title, headers);

    /// <summary>A table that spills its rows to disk past <paramref name="spillChars"/> characters: for tests of the spill.</summary>
    internal static TextTable Spilling(int spillChars, params string[] headers) => new(null, headers, spillChars);

    public int RowCount => _rows.Count;

    /// <summary>Right-aligns the given columns (numbers, durations), their headers too.</summary>
    public TextTable RightAlign(params int[] columns)
    {
        foreach (var column in columns)
        {
            _rightAligned[column] = true;
        }
        return this;
    }

    /// <summary>Adds a row; a missing cell is empty, and a line break or tab in a cell shows as a space.</summary>
    public void Add(params string?[] cells) => _rows.Add(Row(cells));

    /// <summary>
    /// Adds a row to be written in the order of <paramref name="order"/> (rows with equal keys as added):
    /// for rows that arrive in another order than they are listed, such as tasks as they end.
    /// </summary>
    public void AddInOrder(UInt128 order, params string?[] cells) => _rows.AddInOrder(order, Row(cells));

    private string Row(string?[] cells)
    {
        var length = _headers.Length;
        foreach (var cell in cells)
        {
            length += cell?.Length ?? 0;
        }
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }
        var at = 0;
        for (var i = 0; i < _headers.Length; i++)
        {
            var start = at;
            foreach (var c in i < cells.Length ? cells[i] ?? "" : "")
            {
                _scratch[at++] = c < ' ' ? ' ' : c;
            }
            _widths[i] = Math.Max(_widths[i], DisplayWidth(_scratch.AsSpan(start, at - start)));
            _scratch[at++] = CellEnd;
        }
        return new string(_scratch, 0, at);
    }

    /// <summary>Writes the table and an empty line after it, which sets it apart from whatever follows.</summary>
    public void WriteTo(TextWriter output)
    {
        var width = Margin.Length + _widths.Sum() + Gap.Length * (_widths.Length - 1);
        if (_title is not null)
        {
            output.Write(Spaces(Math.Max(0, (width - DisplayWidth(_title)) / 2)));
            output.WriteLine(_title);
        }
        WriteLine(output, string.Join(CellEnd, _headers) + CellEnd);
        output.WriteLine(new string('─', width));
        foreach (var row in _rows.InOrder())
        {
            WriteLine(output, row);
        }
        output.WriteLine();
    }

    private void WriteLine(TextWriter output, string row)
    {
        // Trailing spaces are left out: the last column's padding would only make lines longer. The
        // row ends with the end of its last non-empty cell.
        var text = row.AsSpan().TrimEnd(CellEnd);
        output.Write(Margin);
        for (var i = 0; !text.IsEmpty; i++)
        {
            var end = text.IndexOf(CellEnd);
            var cell = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            var padding = Spaces(_widths[i] - DisplayWidth(cell));
            if (_rightAligned[i])
            {
                output.Write(padding);
                output.Write(cell);
            }
            else
            {
                output.Write(cell);
                if (!text.IsEmpty)
                {
                    output.Write(padding);
                }
            }
            if (!text.IsEmpty)
            {
                output.Write(Gap);
            }
        }
        output.WriteLine();
    }

    /// <summary>
    /// Columns a cell takes in a terminal: two for East Asian wide characters and emoji, none for combining
    /// marks, one for the rest (the ranges of wcwidth that names and paths meet, not all of Unicode).
    /// </summary>
    private static int DisplayWidth(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyExceptInRange(' ', '~'))
        {
            return text.Length;
        }
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value switch
            {
                >= 0x0300 and <= 0x036F or >= 0x200B and <= 0x200F or >= 0xFE00 and <= 0xFE0F => 0,
                >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
                    or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60
                    or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1F64F or >= 0x1F900 and <= 0x1F9FF
                    or >= 0x20000 and <= 0x3FFFD => 2,
                _ => 1,
            };
        }
        return width;
    }

    private static ReadOnlySpan<char> Spaces(int count) =>
        count <= SpaceRun.Length ? SpaceRun.AsSpan(0, count) : new string(' ', count);

    private static readonly string SpaceRun = new(' ', 256);
}
