using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// Appends a recording to the tables of <see cref="RecordingTables"/> row by row as the replay goes,
/// streaming each table's rows into an insert of its own (<see cref="TableFeed"/>): an event is written
/// when it happens, a span at its close, a task or resource when it ends, a wake once its next poll is
/// known. Holds only live spans and tasks. Tables left out of what it is asked to load stay empty, and
/// cost nothing but the replay and analysis all share.
/// </summary>
public sealed class TableLoader : IRecordingExporter
{
    private readonly DuckDBConnection _connection;
    private readonly string _path;
    private readonly NamedRecording? _member;
    private readonly TokioTracker _tracker = new();
    private readonly Dictionary<SpanNode, ThreadTrack> _liveSpans = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ThreadTrack, string> _threadNames = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _fieldBuffer = new(1024);
    private readonly Utf8JsonWriter _fieldJson;
    private readonly List<TableFeed> _feeds = [];
    private readonly int? _spans;
    private readonly int? _events;
    private Replay? _replay;

    /// <param name="connect">Opens a connection of the loader's own, one for the loader and one for each table it fills, closed with it.</param>
    /// <param name="destination">Where the rows go: the database's tables, or files staged for it.</param>
    /// <param name="tables">The tables to fill (<see cref="RecordingTables.Names"/>); null for all of them.</param>
    /// <param name="member">The recording's name in a fleet, whose tables start with the recording's columns; null for one recording alone.</param>
    internal TableLoader(Func<DuckDBConnection> connect, ITableDestination destination, string recordingPath, IReadOnlySet<string>? tables, NamedRecording? member)
    {
        _connection = connect();
        _path = recordingPath;
        _member = member;
        _fieldJson = new Utf8JsonWriter(_fieldBuffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _spans = Appender("spans");
        _events = Appender("events");
        if (Appender("tasks") is { } tasks)
        {
            _tracker.KeepLatencies();
            _tracker.TaskEnded += task => Task(tasks, task);
        }
        if (Appender("polls") is { } polls)
        {
            _tracker.PollEnded += (task, length, exit) => Poll(polls, task, length, exit);
        }
        if (Appender("wakes") is { } wakes)
        {
            _tracker.WakeSettled += report => Wake(wakes, report);
        }
        if (Appender("resources") is { } resources)
        {
            _tracker.ResourceEnded += resource => Resource(resources, resource);
        }
        if (Appender("state_updates") is { } updates)
        {
            _tracker.StateUpdated += update => Update(updates, update);
        }

        int? Appender(string table)
        {
            if (tables is not null && !tables.Contains(table))
            {
                return null;
            }
            _feeds.Add(new TableFeed(connect(), table, destination));
            return _feeds.Count - 1;
        }
    }

    /// <summary>Rows written so far, over all tables.</summary>
    public long Rows { get; private set; }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        _replay = replay;
        _tracker.Observe(entry);
        switch (entry.Op)
        {
            case TraceOp.New when entry.Span is { } span && _spans is not null:
                _liveSpans[span] = entry.Thread;
                break;
            case TraceOp.Close when entry.Span is { } span && _spans is { } spans:
                Span(spans, span, entry.Timestamp);
                break;
            case TraceOp.Event when _events is { } events:
                Event(events, entry);
                break;
        }
    }

    public void Finish()
    {
        _tracker.Finish();
        if (_spans is { } spans)
        {
            foreach (var span in _liveSpans.Keys.OrderBy(span => span.CreatedSequence).ToList())
            {
                Span(spans, span, null);
            }
        }
        // Each table's insert commits on its own thread, so the tables are finished side by side.
        try
        {
            Parallel.ForEach(_feeds, feed => feed.Complete());
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        using var command = _connection.CreateCommand();
        command.CommandText = _member is null
            ? "INSERT INTO recording VALUES ($path, $anchor, $entries, $dropped)"
            : "INSERT INTO recording VALUES ($name, $program, $pid, $path, $anchor, $entries, $dropped)";
        if (_member is not null)
        {
            command.Parameters.Add(new DuckDBParameter("name", _member.Name));
            command.Parameters.Add(new DuckDBParameter("program", _replay?.Start?.Program));
            command.Parameters.Add(new DuckDBParameter("pid", _replay?.Start?.ProcessId));
        }
        command.Parameters.Add(new DuckDBParameter("path", _path));
        command.Parameters.Add(new DuckDBParameter("anchor", _replay?.Start?.AnchorUnixNanos ?? 0));
        command.Parameters.Add(new DuckDBParameter("entries", _replay?.Entries ?? 0));
        command.Parameters.Add(new DuckDBParameter("dropped", _replay?.Dropped?.Records ?? 0));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var feed in _feeds)
        {
            feed.Dispose();
        }
        _connection.Dispose();
        _fieldJson.Dispose();
    }

    /// <summary>A new row, its recording's columns filled when the recording is one of a fleet.</summary>
    private RowBatch Row(int table)
    {
        var row = _feeds[table].Row();
        if (_member is not null)
        {
            // The stream's start record comes before any record that makes a row.
            row.AppendValue(_member.Name).AppendValue(_replay?.Start?.Program).AppendValue(_replay?.Start?.ProcessId);
        }
        return row;
    }

    private void Span(int spans, SpanNode span, ulong? closedAt)
    {
        if (!_liveSpans.Remove(span, out var thread))
        {
            // Its new was dropped or cut off: nothing to say about where or how it began.
            return;
        }
        Row(spans)
            .AppendValue(span.Id).AppendValue(span.CreatedSequence)
            .AppendValue(span.Name).AppendValue(span.Callsite.Target).AppendValue(span.Callsite.Level.Name())
            .AppendValue(Instrumentation.Name(_tracker.KindOf(span.Callsite)))
            .AppendValue(span.Parent?.Id).AppendValue(span.Parent?.CreatedSequence)
            .AppendValue(ThreadName(thread)).AppendValue(span.CreatedAt).AppendValue(closedAt)
            .AppendUtf8(Fields(span.Callsite, span.Values))
            .EndRow();
        Rows++;
    }

    private void Event(int events, in TraceEntry entry)
    {
        var callsite = entry.Callsite;
        Row(events)
            .AppendValue(entry.Sequence).AppendValue(entry.Timestamp).AppendValue(ThreadName(entry.Thread))
            .AppendValue(callsite.Name).AppendValue(callsite.Target).AppendValue(callsite.Level.Name())
            .AppendValue(Instrumentation.Name(_tracker.KindOf(callsite)))
            .AppendValue(entry.Parent?.Id).AppendValue(entry.Parent?.CreatedSequence)
            .AppendUtf8(Fields(callsite, entry.Values))
            .EndRow();
        Rows++;
    }

    private void Poll(int polls, TaskSpan task, ulong length, in TraceEntry exit)
    {
        Row(polls)
            .AppendValue(task.Id).AppendValue(task.Span.CreatedSequence).AppendValue(task.Polls.Raw)
            .AppendValue(ThreadName(exit.Thread)).AppendValue(exit.Timestamp - length).AppendValue(exit.Timestamp).AppendValue(length)
            .EndRow();
        Rows++;
    }

    private void Wake(int wakes, WakeReport report)
    {
        Row(wakes)
            .AppendValue(report.Sequence).AppendValue(report.Timestamp).AppendValue(ThreadName(report.Thread))
            .AppendValue(report.Op.Name())
            .AppendValue(report.IsWake ? report.Wake.Class.Name() : null)
            .AppendValue(report.Wake.TaskClosed)
            .AppendValue(report.Wake.Task).AppendValue(report.Woken?.Span.CreatedSequence)
            .AppendValue(report.Wake.By).AppendValue(report.Waker?.Span.CreatedSequence)
            .AppendValue(report.IsWake ? report.NextPollAt : null).AppendValue(report.IsWake ? report.Latency : null)
            .EndRow();
        Rows++;
    }

    private void Task(int tasks, TaskSpan task)
    {
        var row = Row(tasks)
            .AppendValue(task.Id).AppendValue(task.Span.CreatedSequence).AppendValue(task.TokioId)
            .AppendValue(task.Kind).AppendValue(task.IsRuntime).AppendValue(task.Name).AppendValue(task.Location)
            .AppendValue(task.Parent?.Id).AppendValue(task.Parent?.Span.CreatedSequence)
            .AppendValue(task.Polls.Corrected).AppendValue(task.Polls.Raw)
            .AppendValue(task.BusyNanos).AppendValue(task.ScheduledNanos).AppendValue(task.IdleNanos).AppendValue(task.LongestPollNanos)
            .AppendValue(task.SelfWakes).AppendValue(task.TaskWakes).AppendValue(task.RuntimeWakes).AppendValue(task.OutsideWakes)
            .AppendValue(task.FirstAt).AppendValue(task.LastAt).AppendValue(task.IsClosed);
        Percentiles(row, task.Latencies?.Polls);
        Percentiles(row, task.Latencies?.Scheduled);
        row.EndRow();
        Rows++;
    }

    /// <summary>p50, p90, p99 and max, null when nothing was measured.</summary>
    private static void Percentiles(RowBatch row, LatencyHistogram? latencies) =>
        row.AppendValue(latencies?.Percentile(50)).AppendValue(latencies?.Percentile(90))
            .AppendValue(latencies?.Percentile(99)).AppendValue(latencies?.Percentile(100));

    private void Resource(int resources, ResourceSpan resource)
    {
        Row(resources)
            .AppendValue(resource.Id).AppendValue(resource.Span.CreatedSequence)
            .AppendValue(resource.ConcreteType).AppendValue(resource.Kind).AppendValue(resource.Location).AppendValue(resource.IsInternal)
            .AppendValue(resource.Parent?.Id).AppendValue(resource.Parent?.Span.CreatedSequence)
            .AppendValue(resource.CreatedIn?.Id).AppendValue(resource.Span.CreatedAt).AppendValue(resource.ClosedAt)
            .AppendValue(resource.State.ToString())
            .EndRow();
        Rows++;
    }

    private void Update(int updates, StateUpdate update)
    {
        Row(updates)
            .AppendValue(update.Timestamp).AppendValue(update.Owner.Id).AppendValue(update.Owner.Span.CreatedSequence)
            .AppendValue(update.AsyncOp?.Id).AppendValue(update.Attribute).AppendValue(update.Op)
            .AppendValue(ResourceAttribute.Text(update.Given)).AppendValue(ResourceAttribute.Text(update.After))
            .AppendValue(AttributeNumber.Of(update.After))
            .EndRow();
        Rows++;
    }

    private string ThreadName(ThreadTrack thread)
    {
        if (!_threadNames.TryGetValue(thread, out var name))
        {
            name = thread.ToString();
            _threadNames[thread] = name;
        }
        return name;
    }

    /// <summary>The values as a JSON object, in UTF-8, valid until the next call.</summary>
    private ReadOnlySpan<byte> Fields(Wire.Callsite callsite, Wire.FieldValues values)
    {
        _fieldBuffer.ResetWrittenCount();
        _fieldJson.Reset();
        FieldsJson.Write(_fieldJson, callsite, values);
        _fieldJson.Flush();
        return _fieldBuffer.WrittenSpan;
    }
}
