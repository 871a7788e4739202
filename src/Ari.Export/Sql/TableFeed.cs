using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Ari.Export.Sql;

/// <summary>
/// Streams rows into one table: a thread of its own runs a statement that writes the rows of <c>f()</c>
/// (<c>INSERT INTO table SELECT * FROM f()</c>, or a copy into a staged file), where <c>f</c> is a table function (<see cref="FeedFunction"/>) that hands DuckDB the rows batch by
/// batch as the replay makes them. DuckDB's appender would keep up to a row group of rows outside the
/// database's memory limit, one table and one flush after another; an insert from a scan streams a
/// chunk at a time into storage that spills (bench/limits.md). Batches go over through a bounded
/// queue, so a slow database holds back the replay rather than letting rows pile up in memory.
/// </summary>
internal sealed class TableFeed : IDisposable
{
    private const int BatchesInFlight = 2;

    private readonly DuckDBConnection _connection;
    private readonly BlockingCollection<RowBatch> _full = new(BatchesInFlight);
    private readonly ConcurrentBag<RowBatch> _empty = [];
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private readonly string _table;
    private readonly ITableDestination _destination;
    private RowBatch _current;
    private RowBatch? _lent;
    private Exception? _failure;

    /// <param name="connection">A connection of its own, closed with it.</param>
    /// <param name="destination">Where the rows go.</param>
    public TableFeed(DuckDBConnection connection, string table, ITableDestination destination)
    {
        _connection = connection;
        (ColumnNames, ColumnTypes) = ColumnsOf(connection, table);
        _current = new RowBatch(ColumnNames.Count);
        var function = FeedFunction.Register(connection, this);
        _table = table;
        _destination = destination;
        var statement = destination.Write(table, $"{function}()");
        _thread = new Thread(() => Write(statement)) { Name = $"ari duckdb {table}", IsBackground = true };
        _thread.Start();
    }

    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<DuckDBType> ColumnTypes { get; }

    /// <summary>The batch to append a row to; the caller ends the row with <see cref="RowBatch.EndRow"/>.</summary>
    public RowBatch Row()
    {
        if (_current.IsFull)
        {
            HandOver();
        }
        return _current;
    }

    /// <summary>Hands over what is left, waits for every row to be in the table, and rethrows what went wrong there.</summary>
    public void Complete()
    {
        if (!_current.IsEmpty)
        {
            HandOver();
        }
        _full.CompleteAdding();
        _thread.Join();
        _empty.Clear();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
        _destination.Written(_table);
    }

    /// <summary>
    /// The next batch for DuckDB, on the inserting thread; null when every row is in. The batch before
    /// it, whose chunk DuckDB has taken in by now, is filled again.
    /// </summary>
    /// <exception cref="OperationCanceledException">The load was abandoned.</exception>
    public RowBatch? Next()
    {
        if (_lent is { } taken)
        {
            taken.Clear();
            _empty.Add(taken);
        }
        _lent = _full.TryTake(out var batch, Timeout.Infinite, _failed.Token) ? batch : null;
        return _lent;
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted)
        {
            // Abandoned: the insert fails rather than commit part of the rows.
            _failed.Cancel();
            _full.CompleteAdding();
            _thread.Join();
        }
        _full.Dispose();
        _failed.Dispose();
        _connection.Dispose();
    }

    private void HandOver()
    {
        try
        {
            _full.Add(_current, _failed.Token);
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
        _current = _empty.TryTake(out var batch) ? batch : new RowBatch(ColumnNames.Count);
    }

    private void Write(string sql)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        catch (Exception e)
        {
            _failure = e;
            _failed.Cancel();
        }
    }

    private static (IReadOnlyList<string> Names, IReadOnlyList<DuckDBType> Types) ColumnsOf(DuckDBConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} LIMIT 0";
        using var reader = command.ExecuteReader();
        var names = new string[reader.FieldCount];
        var types = new DuckDBType[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = Type.GetTypeCode(reader.GetFieldType(i)) switch
            {
                TypeCode.UInt64 => DuckDBType.UnsignedBigInt,
                TypeCode.Int64 => DuckDBType.BigInt,
                TypeCode.Boolean => DuckDBType.Boolean,
                TypeCode.Double => DuckDBType.Double,
                TypeCode.String => DuckDBType.Varchar,
                var other => throw new NotSupportedException($"{table}.{names[i]} is of type {other}"),
            };
        }
        return (names, types);
    }
}
