using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// One table's appender, closed and opened again every <see cref="RowsPerCommit"/> rows: DuckDB holds
/// what an appender has appended (its transaction's local storage) outside its memory limit until the
/// appender closes and commits, so one appender over a long recording grows with it.
/// </summary>
internal sealed class TableAppender(DuckDBConnection connection, string table) : IDisposable
{
    private const int RowsPerCommit = 1 << 17;

    private DuckDBAppender _appender = connection.CreateAppender(table);
    private int _rows;

    public IDuckDBAppenderRow CreateRow()
    {
        if (++_rows > RowsPerCommit)
        {
            _appender.Dispose();
            _appender = connection.CreateAppender(table);
            _rows = 1;
        }
        return _appender.CreateRow();
    }

    public void Dispose() => _appender.Dispose();
}
