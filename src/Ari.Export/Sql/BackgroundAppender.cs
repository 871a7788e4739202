using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ari.Export.Sql;

/// <summary>
/// Appends rows to DuckDB on a thread of its own, so that DuckDB's side of a load (its strings, statistics
/// and storage) runs beside the replay and analysis that make the rows instead of after each of them. Rows
/// go over in batches through a bounded queue, so a slow database holds back the replay rather than
/// letting rows pile up in memory.
/// </summary>
internal sealed class BackgroundAppender : IDisposable
{
    private const int BatchesInFlight = 4;

    private readonly IReadOnlyList<TableAppender> _tables;
    private readonly BlockingCollection<RowBatch> _full = new(BatchesInFlight);
    private readonly ConcurrentBag<RowBatch> _empty = [];
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private RowBatch _current = new();
    private Exception? _failure;

    /// <param name="tables">The appenders rows go to, a row's table being its index here; used by the appending thread alone from now on.</param>
    public BackgroundAppender(IReadOnlyList<TableAppender> tables)
    {
        _tables = tables;
        _thread = new Thread(AppendAll) { Name = "ari duckdb append", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Starts a row of the table at <paramref name="table"/>; the caller ends it with <see cref="RowBatch.EndRow"/>.</summary>
    public RowBatch Row(int table)
    {
        if (_current.IsFull)
        {
            HandOver();
        }
        return _current.StartRow(table);
    }

    /// <summary>Appends what is left, waits for every row to be in its table, and rethrows what went wrong there.</summary>
    public void Complete()
    {
        if (!_current.IsEmpty)
        {
            HandOver();
        }
        _full.CompleteAdding();
        _thread.Join();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Throw(_failure);
        }
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted)
        {
            _failed.Cancel();
            _full.CompleteAdding();
            _thread.Join();
        }
        _full.Dispose();
        _failed.Dispose();
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
        _current = _empty.TryTake(out var batch) ? batch : new RowBatch();
    }

    private void AppendAll()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable(_failed.Token))
            {
                batch.AppendTo(_tables);
                batch.Clear();
                _empty.Add(batch);
            }
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            // Disposed before completion: the load was abandoned.
        }
        catch (Exception e)
        {
            _failure = e;
            _failed.Cancel();
        }
    }
}
