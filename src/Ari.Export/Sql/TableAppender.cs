using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// DuckDB's appender for one table, closed and opened again every <see cref="RowsPerFlush"/> rows. DuckDB's
/// appender keeps what it is given, outside the database's memory limit, until it has 204,800 rows. A
/// whole row group (122,880 rows) at a time keeps fewer rows waiting for no more work; smaller flushes
/// cost DuckDB more (bench/limits.md). Each table has a connection of its own, so that what is left in
/// the appenders at the end goes into the tables side by side.
/// </summary>
internal sealed class TableAppender : IDisposable
{
    private const int RowsPerFlush = 122_880;

    private readonly DuckDBConnection _connection;
    private readonly string _table;
    private DuckDBAppender _appender;
    private int _rows;

    /// <param name="connection">A connection of its own, closed with it.</param>
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

    public void Dispose()
    {
        _appender.Dispose();
        _connection.Dispose();
    }
}
