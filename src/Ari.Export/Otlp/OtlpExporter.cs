using System.Diagnostics;
using Ari.Model;
using Ari.Tokio;
using Ari.Wire;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ari.Export.Otlp;

/// <summary>
/// <c>ari export --otlp URL</c>: every tracing span becomes an OpenTelemetry span under its tracing
/// parent, every event a span event on its parent (an event outside any span a span of its own), and
/// each task span gets a child span per poll; a poll links to the polls of the tasks that woke it. Spans go out through the OpenTelemetry SDK's OTLP exporter as they close.
/// Activity keeps time in 100 ns ticks, so times are exact to 100 ns, and nothing is shorter than a tick.
/// </summary>
public sealed class OtlpExporter : IRecordingExporter
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly ActivitySource _source = new("ari");
    private readonly TracerProvider _provider;
    private readonly BlockingBatchProcessor _processor;
    private readonly TokioTracker _tracker = new();
    private readonly Dictionary<SpanNode, Activity> _spans = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TaskSpan, Activity> _polls = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TaskSpan, List<ActivityLink>> _wokenBy = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TaskSpan, int> _wakes = new(ReferenceEqualityComparer.Instance);
    private Replay? _replay;
    private ulong _last;

    public OtlpExporter(OtlpTarget target, string serviceName)
    {
        var options = new OtlpExporterOptions { Endpoint = target.Endpoint, Protocol = target.Protocol };
        _processor = new BlockingBatchProcessor(new OtlpTraceExporter(options));
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(_source.Name)
            .SetSampler(new AlwaysOnSampler())
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(serviceName).AddAttributes([new("telemetry.sdk.name", "ari")]))
            .AddProcessor(_processor)
            .Build()!;
        _tracker.PollStarted += PollStarted;
        _tracker.PollEnded += PollEnded;
        _tracker.WakerUsed += Woken;
        // A task that ends without another poll leaves wakes that nothing will link.
        _tracker.TaskEnded += task =>
        {
            _wokenBy.Remove(task);
            _wakes.Remove(task);
        };
    }

    /// <summary>Spans the receiver accepted.</summary>
    public long Sent => _processor.Sent;

    /// <summary>Spans in batches the receiver refused or never answered.</summary>
    public long Failed => _processor.Failed;

    public void Observe(in TraceEntry entry, Replay replay)
    {
        _replay = replay;
        _last = entry.Timestamp;
        _tracker.Observe(entry);
        switch (entry.Op)
        {
            case TraceOp.New when entry.Span is { } span:
                Opened(span, entry);
                break;
            case TraceOp.Record when entry.Span is { } span && _spans.TryGetValue(span, out var recorded):
                Tag(recorded, span.Callsite, entry.Values);
                break;
            case TraceOp.Close when entry.Span is { } span && _spans.Remove(span, out var closed):
                End(closed, entry.Timestamp);
                break;
            case TraceOp.Event:
                Event(entry);
                break;
        }
    }

    public void Finish()
    {
        _tracker.Finish();
        foreach (var poll in _polls.Values)
        {
            poll.SetTag("ari.open", true);
            End(poll, _last);
        }
        foreach (var span in _spans.Keys.OrderByDescending(span => span.CreatedSequence).ToList())
        {
            _spans[span].SetTag("ari.open", true);
            End(_spans[span], _last);
        }
        _provider.ForceFlush();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _source.Dispose();
    }

    private void Opened(SpanNode span, in TraceEntry entry)
    {
        var task = _tracker.FindTask(span);
        var activity = Start(span.Name, Parent(span.Parent), entry.Timestamp, null);
        activity.DisplayName = task?.ToString() ?? span.Name;
        activity.SetTag("tracing.span_id", Value(Wire.FieldValue.FromU64(span.Id)));
        activity.SetTag("tracing.target", span.Callsite.Target);
        activity.SetTag("tracing.level", span.Callsite.Level.Name());
        activity.SetTag("thread.name", entry.Thread.Name);
        activity.SetTag("thread.id", entry.Thread.Index);
        if (task?.IsRuntime == true)
        {
            activity.SetTag("tokio.runtime", true);
        }
        Tag(activity, span.Callsite, entry.Values);
        _spans[span] = activity;
    }

    private void Event(in TraceEntry entry)
    {
        var tags = new ActivityTagsCollection { ["thread.name"] = entry.Thread.Name, ["thread.id"] = entry.Thread.Index, ["tracing.target"] = entry.Callsite.Target };
        string? message = null;
        foreach (var field in entry.Values)
        {
            var name = entry.Callsite.FieldName(field.Index);
            if (name == "message")
            {
                message = ResourceAttribute.Text(field.Value);
            }
            tags[name] = Value(field.Value);
        }
        var title = message ?? entry.Callsite.Name;
        if (entry.Parent is { } parent && _spans.TryGetValue(parent, out var activity))
        {
            activity.AddEvent(new ActivityEvent(title, Wall(entry.Timestamp), tags));
            return;
        }
        var alone = Start(title, default, entry.Timestamp, null);
        foreach (var (name, value) in tags)
        {
            alone.SetTag(name, value);
        }
        End(alone, entry.Timestamp);
    }

    private void Woken(WakeReport report)
    {
        if (!report.IsWake || report.Woken is not { } woken)
        {
            return;
        }
        _wakes[woken] = _wakes.GetValueOrDefault(woken) + 1;
        var from = report.Waker is not { } waker ? null
            : _polls.GetValueOrDefault(waker) ?? _spans.GetValueOrDefault(waker.Span);
        if (from is null)
        {
            return;
        }
        if (!_wokenBy.TryGetValue(woken, out var links))
        {
            links = [];
            _wokenBy[woken] = links;
        }
        links.Add(new ActivityLink(from.Context, new ActivityTagsCollection
        {
            ["ari.wake.class"] = report.Wake.Class.Name(),
            ["ari.wake.task_closed"] = report.Wake.TaskClosed,
            ["ari.wake.thread"] = report.Thread.ToString(),
        }));
    }

    private void PollStarted(TaskSpan task, TraceEntry enter)
    {
        if (!_spans.TryGetValue(task.Span, out var parent))
        {
            return;
        }
        _wokenBy.Remove(task, out var links);
        var poll = Start("poll", parent.Context, enter.Timestamp, links);
        poll.SetTag("tokio.poll", task.Polls.Raw);
        poll.SetTag("thread.name", enter.Thread.Name);
        poll.SetTag("thread.id", enter.Thread.Index);
        poll.SetTag("ari.wakes", _wakes.Remove(task, out var wakes) ? wakes : 0);
        _polls[task] = poll;
    }

    private void PollEnded(TaskSpan task, ulong length, TraceEntry exit)
    {
        if (_polls.Remove(task, out var poll))
        {
            End(poll, exit.Timestamp);
        }
    }

    private Activity Start(string name, ActivityContext parent, ulong at, IEnumerable<ActivityLink>? links)
    {
        // Every span is given its parent explicitly; Activity.Current would otherwise adopt whichever span started last.
        Activity.Current = null;
        var activity = _source.StartActivity(name, ActivityKind.Internal, parent, null, links, Wall(at))!;
        Activity.Current = null;
        return activity;
    }

    private ActivityContext Parent(SpanNode? parent) =>
        parent is not null && _spans.TryGetValue(parent, out var activity) ? activity.Context : default;

    private void End(Activity activity, ulong at)
    {
        var end = Wall(at);
        // Activity.Stop takes a zero duration to mean "now".
        activity.SetEndTime(end > activity.StartTimeUtc ? end : activity.StartTimeUtc + Tick);
        activity.Stop();
    }

    private DateTime Wall(ulong timestamp) => _replay!.WallClock(timestamp);

    private static void Tag(Activity activity, Wire.Callsite callsite, Wire.FieldValues values)
    {
        foreach (var field in values)
        {
            activity.SetTag(callsite.FieldName(field.Index), Value(field.Value));
        }
    }

    private static object Value(Wire.FieldValue value) => value.Type switch
    {
        Wire.FieldValueType.I64 => value.I64,
        Wire.FieldValueType.U64 when value.U64 <= long.MaxValue => (long)value.U64,
        Wire.FieldValueType.F64 => value.F64,
        Wire.FieldValueType.Bool => value.Bool,
        _ => ResourceAttribute.Text(value),
    };
}
