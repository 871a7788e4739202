using System.Buffers;
using System.Text;
using System.Text.Json;
using Ari.Model;
using Ari.Tokio;
using Ari.Views;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// Appends a recording to the tables of <see cref="RecordingTables"/> row by row as the replay goes,
/// through DuckDB's appender: an event is written when it happens, a span at its close, a task or
/// resource when it ends, a wake once its next poll is known. Holds only live spans and tasks. Tables left
/// out of what it is asked to load stay empty, and cost nothing but the replay and analysis all share.
/// </summary>
public sealed class TableLoader : IRecordingExporter
{
    private readonly DuckDBConnection _connection;
    private readonly string _path;
    private readonly PollTimeline _timeline = new();
    private readonly Dictionary<SpanNode, ThreadTrack> _liveSpans = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ThreadTrack, string> _threadNames = new(ReferenceEqualityComparer.Instance);
    private readonly ArrayBufferWriter<byte> _fieldBuffer = new(1024);
    private readonly Utf8JsonWriter _fieldJson;
    private readonly DuckDBAppender? _spans;
    private readonly DuckDBAppender? _events;
    private readonly DuckDBAppender? _tasks;
    private readonly DuckDBAppender? _polls;
    private readonly DuckDBAppender? _wakes;
    private readonly DuckDBAppender? _resources;
    private readonly DuckDBAppender? _updates;
    private Replay? _replay;

    /// <param name="tables">The tables to fill (<see cref="RecordingTables.Names"/>); null for all of them.</param>
    internal TableLoader(DuckDBConnection connection, string recordingPath, IReadOnlySet<string>? tables)
    {
        _connection = connection;
        _path = recordingPath;
        _fieldJson = new Utf8JsonWriter(_fieldBuffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        DuckDBAppender? Appender(string table) => tables is null || tables.Contains(table) ? connection.CreateAppender(table) : null;
        _spans = Appender("spans");
        _events = Appender("events");
        _tasks = Appender("tasks");
        _polls = Appender("polls");
        _wakes = Appender("wakes");
        _resources = Appender("resources");
        _updates = Appender("state_updates");
        if (_polls is not null)
        {
            _timeline.PollEnded += Poll;
        }
        if (_wakes is not null)
        {
            _timeline.WakerSettled += Wake;
        }
        if (_tasks is not null)
        {
            _timeline.Tracker.TaskEnded += Task;
        }
        if (_resources is not null)
        {
            _timeline.Tracker.ResourceEnded += Resource;
        }
        if (_updates is not null)
        {
            _timeline.Tracker.StateUpdated += Update;
        }
    }

    /// <summary>Rows written so far, over all tables.</summary>
    public long Rows { get; private set; }

    public void Observe(in TraceEntry entry, Replay replay)
    {
        _replay = replay;
        _timeline.Observe(entry);
        switch (entry.Op)
        {
            case TraceOp.New when entry.Span is { } span && _spans is not null:
                _liveSpans[span] = entry.Thread;
                break;
            case TraceOp.Close when entry.Span is { } span && _spans is not null:
                Span(_spans, span, entry.Timestamp);
                break;
            case TraceOp.Event when _events is not null:
                Event(_events, entry);
                break;
        }
    }

    public void Finish()
    {
        _timeline.Finish();
        if (_spans is not null)
        {
            foreach (var span in _liveSpans.Keys.OrderBy(span => span.CreatedSequence).ToList())
            {
                Span(_spans, span, null);
            }
        }
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO recording VALUES ($path, $anchor, $entries, $dropped)";
        command.Parameters.Add(new DuckDBParameter("path", _path));
        command.Parameters.Add(new DuckDBParameter("anchor", _replay?.Start?.AnchorUnixNanos ?? 0));
        command.Parameters.Add(new DuckDBParameter("entries", _replay?.Entries ?? 0));
        command.Parameters.Add(new DuckDBParameter("dropped", _replay?.Dropped?.Records ?? 0));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var appender in new[] { _spans, _events, _tasks, _polls, _wakes, _resources, _updates })
        {
            appender?.Dispose();
        }
        _fieldJson.Dispose();
    }

    private void Span(DuckDBAppender spans, SpanNode span, ulong? closedAt)
    {
        if (!_liveSpans.Remove(span, out var thread))
        {
            // Its new was dropped or cut off: nothing to say about where or how it began.
            return;
        }
        spans.CreateRow()
            .AppendValue(span.Id).AppendValue(span.CreatedSequence)
            .AppendValue(span.Name).AppendValue(span.Callsite.Target).AppendValue(JsonLinesRenderer.LevelName(span.Callsite.Level))
            .AppendValue(Instrumentation.Name(_timeline.Tracker.KindOf(span.Callsite)))
            .AppendValue(span.Parent?.Id).AppendValue(span.Parent?.CreatedSequence)
            .AppendValue(ThreadName(thread)).AppendValue(span.CreatedAt).AppendValue(closedAt)
            .AppendValue(Fields(span.Callsite, span.Values))
            .EndRow();
        Rows++;
    }

    private void Event(DuckDBAppender events, in TraceEntry entry)
    {
        var callsite = entry.Callsite;
        events.CreateRow()
            .AppendValue(entry.Sequence).AppendValue(entry.Timestamp).AppendValue(ThreadName(entry.Thread))
            .AppendValue(callsite.Name).AppendValue(callsite.Target).AppendValue(JsonLinesRenderer.LevelName(callsite.Level))
            .AppendValue(Instrumentation.Name(_timeline.Tracker.KindOf(callsite)))
            .AppendValue(entry.Parent?.Id).AppendValue(entry.Parent?.CreatedSequence)
            .AppendValue(Fields(callsite, entry.Values))
            .EndRow();
        Rows++;
    }

    // The analysis' handlers below are subscribed only when their table is filled.
    private void Poll(TaskSpan task, ThreadTrack thread, ulong start, ulong end)
    {
        _polls!.CreateRow()
            .AppendValue(task.Id).AppendValue(task.Span.CreatedSequence).AppendValue(task.Polls.Raw)
            .AppendValue(ThreadName(thread)).AppendValue(start).AppendValue(end).AppendValue(end - start)
            .EndRow();
        Rows++;
    }

    private void Wake(WakeReport report)
    {
        _wakes!.CreateRow()
            .AppendValue(report.Sequence).AppendValue(report.Timestamp).AppendValue(ThreadName(report.Thread))
            .AppendValue(Views.Analysis.WakesView.OpName(report.Op))
            .AppendValue(report.IsWake ? JsonLinesRenderer.WakeClassName(report.Wake.Class) : null)
            .AppendValue(report.Wake.Deferred)
            .AppendValue(report.Wake.Task).AppendValue(report.Woken?.Span.CreatedSequence)
            .AppendValue(report.Wake.By).AppendValue(report.Waker?.Span.CreatedSequence)
            .AppendValue(report.IsWake ? report.NextPollAt : null).AppendValue(report.IsWake ? report.Latency : null)
            .EndRow();
        Rows++;
    }

    private void Task(TaskSpan task)
    {
        _tasks!.CreateRow()
            .AppendValue(task.Id).AppendValue(task.Span.CreatedSequence).AppendValue(task.TokioId)
            .AppendValue(task.Kind).AppendValue(task.IsRuntime).AppendValue(task.Name).AppendValue(task.Location)
            .AppendValue(task.Parent?.Id).AppendValue(task.Parent?.Span.CreatedSequence)
            .AppendValue(task.Polls.Corrected).AppendValue(task.Polls.Raw)
            .AppendValue(task.BusyNanos).AppendValue(task.ScheduledNanos).AppendValue(task.IdleNanos).AppendValue(task.LongestPollNanos)
            .AppendValue(task.SelfWakes).AppendValue(task.DeferredSelfWakes).AppendValue(task.TaskWakes).AppendValue(task.OutsideWakes)
            .AppendValue(task.FirstAt).AppendValue(task.LastAt).AppendValue(task.IsClosed)
            .EndRow();
        Rows++;
    }

    private void Resource(ResourceSpan resource)
    {
        _resources!.CreateRow()
            .AppendValue(resource.Id).AppendValue(resource.Span.CreatedSequence)
            .AppendValue(resource.ConcreteType).AppendValue(resource.Kind).AppendValue(resource.Location).AppendValue(resource.IsInternal)
            .AppendValue(resource.Parent?.Id).AppendValue(resource.Parent?.Span.CreatedSequence)
            .AppendValue(resource.CreatedIn?.Id).AppendValue(resource.Span.CreatedAt).AppendValue(resource.ClosedAt)
            .AppendValue(resource.State.ToString())
            .EndRow();
        Rows++;
    }

    private void Update(StateUpdate update)
    {
        _updates!.CreateRow()
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

    private string Fields(Wire.Callsite callsite, Wire.FieldValues values)
    {
        _fieldBuffer.ResetWrittenCount();
        _fieldJson.Reset();
        JsonLinesRenderer.WriteFields(_fieldJson, callsite, values);
        _fieldJson.Flush();
        return Encoding.UTF8.GetString(_fieldBuffer.WrittenSpan);
    }
}
