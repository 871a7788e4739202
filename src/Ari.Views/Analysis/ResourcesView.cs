using System.Runtime.InteropServices;
using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari resources</c>: each resource (type, kind, location) with its state rebuilt from
/// <c>state_update</c> events, the changes over time, its async ops with their polls, <c>poll_op</c>
/// readiness per operation, and the resource events that have no resource span above them.
/// </summary>
public static class ResourcesView
{
    /// <summary>
    /// The four tables, each row made as the tracker reports: resources as each ends and their async ops as
    /// each ends, listed in order of creation (an op under its resource); state updates and resource events
    /// without a resource span as they come. The tables keep their rows' text, not the resources behind them.
    /// </summary>
    public static void FollowTable(TokioAnalysis analysis, TextWriter output)
    {
        analysis.Tracker.ForgetEndedAsyncOps();
        var resources = TextTable.Titled("Resources", "ID", "Type", "Kind", "Location", "Created in", "State", "Readiness", "Created", "Closed");
        var ops = TextTable.Titled("Async ops", "ID", "Resource", "Source", "Polls", "Readiness", "State");
        analysis.Tracker.ResourceEnded += resource => resources.AddInOrder(
            resource.Span.CreatedSequence,
            resource.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource.ConcreteType + (resource.IsInternal ? " (internal)" : ""),
            resource.Kind,
            resource.Location,
            resource.CreatedIn?.ToString(),
            resource.State.ToString(),
            Readiness(resource.Readiness),
            AnalysisClock.Relative(analysis, resource.Span.CreatedAt),
            resource.ClosedAt is { } closed ? AnalysisClock.Relative(analysis, closed) : "open");
        analysis.Tracker.AsyncOpEnded += op =>
        {
            if (op.Resource is { } resource)
            {
                ops.AddInOrder(((UInt128)resource.Span.CreatedSequence << 64) | op.Span.CreatedSequence,
                    op.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), resource.ToString(),
                    op.Source, StateValueJson.Count(op.Polls), Readiness(op.Readiness), op.State.ToString());
            }
        };

        var updates = TextTable.Titled("State updates", "Time", "Resource", "Async op", "Attribute", "Op", "Given", "After");
        analysis.Tracker.StateUpdated += update =>
            updates.Add(AnalysisClock.Relative(analysis, update.Timestamp), update.Owner.ToString(), update.AsyncOp?.ToString(),
                update.Attribute, update.Op, ResourceAttribute.Text(update.Given), ResourceAttribute.Text(update.After));

        var orphans = TextTable.Titled("Resource events without a resource span", "Time", "Thread", "Kind", "Fields");
        analysis.Tracker.Unattributed += orphan =>
            orphans.Add(AnalysisClock.Relative(analysis, orphan.Timestamp), orphan.Thread.ToString(),
                Instrumentation.Name(orphan.Kind), orphan.Describe());

        analysis.Finished += () =>
        {
            Write(output, resources);
            Write(output, ops);
            Write(output, updates);
            Write(output, orphans);
        };
    }

    /// <summary>An empty section is left out rather than drawn as an empty table.</summary>
    private static void Write(TextWriter output, TextTable table)
    {
        if (table.RowCount > 0)
        {
            table.WriteTo(output);
        }
    }

    /// <summary>
    /// Writes each resource as a JSON line when it closes (those alive at the end, oldest first, after),
    /// with its async ops and state updates, and each resource event without a resource span as it comes.
    /// A live resource's ops and updates are kept as their JSON text as they end and come, on disk past a
    /// few kilobytes (<see cref="JsonValueLog"/>), so memory follows what is alive at once.
    /// </summary>
    public static void FollowJson(TokioAnalysis analysis, JsonLines lines)
    {
        analysis.Tracker.ForgetEndedAsyncOps();
        var spill = new Lazy<SpillFile>(() => new SpillFile());
        var pending = new Dictionary<ResourceSpan, PendingResource>(ReferenceEqualityComparer.Instance);
        var value = new JsonValue();
        PendingResource Pending(ResourceSpan resource) =>
            CollectionsMarshal.GetValueRefOrAddDefault(pending, resource, out _) ??= new PendingResource(spill);
        analysis.Tracker.StateUpdated += update =>
            Pending(update.Owner).Updates.Append(value.Of(json => WriteUpdate(json, analysis, update)));
        analysis.Tracker.AsyncOpEnded += op =>
        {
            if (op.Resource is { } resource)
            {
                Pending(resource).AsyncOpEnded(op, value.Of(json => WriteAsyncOp(json, op)));
            }
        };
        analysis.Tracker.ResourceEnded += resource =>
        {
            pending.Remove(resource, out var parts);
            lines.Write(json => Write(json, analysis, resource, parts));
        };
        analysis.Tracker.Unattributed += orphan => lines.Write(json =>
        {
            json.WriteString("type", "unattributed");
            json.WriteString("ts", AnalysisClock.Absolute(analysis, orphan.Timestamp));
            json.WriteString("thread", orphan.Thread.Name);
            json.WriteNumber("thread_id", orphan.Thread.Index);
            json.WriteString("kind", Instrumentation.Name(orphan.Kind));
            json.WriteStartObject("fields");
            foreach (var field in orphan.Values)
            {
                StateValueJson.Write(json, orphan.Callsite.FieldName(field.Index), field.Value);
            }
            json.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter json, TokioAnalysis analysis, ResourceSpan resource, PendingResource? parts)
    {
        json.WriteString("type", "resource");
        json.WriteNumber("id", resource.Id);
        json.WriteString("concrete_type", resource.ConcreteType);
        json.WriteString("kind", resource.Kind);
        JsonLines.StringOrNull(json, "location", resource.Location);
        json.WriteBoolean("internal", resource.IsInternal);
        JsonLines.NumberOrNull(json, "parent", resource.Parent?.Id);
        JsonLines.NumberOrNull(json, "created_in", resource.CreatedIn?.Id);
        json.WriteString("created", AnalysisClock.Absolute(analysis, resource.Span.CreatedAt));
        JsonLines.StringOrNull(json, "closed", resource.ClosedAt is { } closed ? AnalysisClock.Absolute(analysis, closed) : null);
        WriteState(json, resource.State);
        WriteReadiness(json, resource.Readiness);
        json.WriteStartArray("async_ops");
        parts?.AsyncOps.WriteTo(json);
        json.WriteEndArray();
        json.WriteStartArray("updates");
        parts?.Updates.WriteTo(json);
        json.WriteEndArray();
    }

    private static void WriteAsyncOp(Utf8JsonWriter json, AsyncOpSpan op)
    {
        json.WriteStartObject();
        json.WriteNumber("id", op.Id);
        json.WriteString("source", op.Source);
        json.WriteNumber("polls", op.Polls);
        WriteReadiness(json, op.Readiness);
        WriteState(json, op.State);
        json.WriteEndObject();
    }

    private static void WriteUpdate(Utf8JsonWriter json, TokioAnalysis analysis, StateUpdate update)
    {
        json.WriteStartObject();
        json.WriteString("ts", AnalysisClock.Absolute(analysis, update.Timestamp));
        JsonLines.NumberOrNull(json, "async_op", update.AsyncOp?.Id);
        json.WriteString("attribute", update.Attribute);
        json.WriteString("op", update.Op);
        StateValueJson.Write(json, "given", update.Given);
        StateValueJson.Write(json, "after", update.After);
        json.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter json, ResourceState state)
    {
        json.WriteStartObject("state");
        foreach (var attribute in state.Attributes)
        {
            json.WriteStartObject(attribute.Name);
            StateValueJson.Write(json, "value", attribute.Value);
            JsonLines.StringOrNull(json, "unit", attribute.Unit);
            json.WriteNumber("updates", attribute.Updates);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteReadiness(Utf8JsonWriter json, IReadOnlyList<Readiness> readiness)
    {
        json.WriteStartObject("readiness");
        foreach (var op in readiness)
        {
            json.WriteStartObject(op.Operation);
            json.WriteNumber("ready", op.Ready);
            json.WriteNumber("pending", op.Pending);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static string Readiness(IReadOnlyList<Readiness> readiness) =>
        string.Join(", ", readiness.Select(op => $"{op.Operation}: {op.Ready} ready, {op.Pending} pending"));

    /// <summary>What a live resource's JSON line will hold besides the resource: its ended async ops and its updates.</summary>
    private sealed class PendingResource(Lazy<SpillFile> spill)
    {
        /// <summary>Ops that ended while an older op of the resource lives, by creation: the line lists ops as they were made.</summary>
        private SortedList<ulong, byte[]>? _heldOps;

        public JsonValueLog AsyncOps { get; } = new(spill);

        public JsonValueLog Updates { get; } = new(spill);

        public void AsyncOpEnded(AsyncOpSpan op, ReadOnlySpan<byte> json)
        {
            var oldestLive = OldestLive(op.Resource!);
            if (_heldOps is null && op.Span.CreatedSequence < oldestLive)
            {
                AsyncOps.Append(json);
                return;
            }
            (_heldOps ??= []).Add(op.Span.CreatedSequence, json.ToArray());
            while (_heldOps.Count > 0 && _heldOps.Keys[0] < oldestLive)
            {
                AsyncOps.Append(_heldOps.Values[0]);
                _heldOps.RemoveAt(0);
            }
        }

        /// <summary>The creation of the resource's oldest op not yet ended (the tracker keeps only those, and the one ending).</summary>
        private static ulong OldestLive(ResourceSpan resource)
        {
            foreach (var op in resource.AsyncOps)
            {
                if (!op.IsEnded)
                {
                    return op.Span.CreatedSequence;
                }
            }
            return ulong.MaxValue;
        }
    }
}
