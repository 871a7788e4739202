using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// DuckDB's appender for one table, closed and opened again every <see cref="RowsPerFlush"/> rows: DuckDB's
/// appender keeps what it is given until it has a couple of hundred thousand rows (strings and all) before it
/// moves them into the table, so each table would hold that many rows in memory besides the database's own
/// limit. Closing it moves them, and the table's storage is what the memory limit governs.
/// </summary>
internal sealed class TableAppender : IDisposable
{
    private const int RowsPerFlush = 16 * 2048;

    private readonly DuckDBConnection _connection;
    private readonly string _table;
    private DuckDBAppender _appender;
    private int _rows;

    public TableAppender(DuckDBConnection connection, string table)
    {
        _connection = connection;
        _table = table;
        _appender = connection.CreateAppender(table);
    }

    public IDuckDBAppenderRow CreateRow()
    {
        if (++_rows > RowsPerFlush)
        {
            _appender.Dispose();
            _appender = _connection.CreateAppender(_table);
            _rows = 1;
        }
        return _appender.CreateRow();
    }

    public void Dispose() => _appender.Dispose();
}
