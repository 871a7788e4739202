using Ari.Model;
using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// Follows resources, their async ops and polls, and applies <c>state_update</c> and <c>poll_op</c>
/// events to the resource (or async op) above them. Keeps only live resources.
/// </summary>
internal sealed class ResourceTracker(CallsiteCache callsites, LocationTexts locations)
{
    private readonly SpanMap<ResourceSpan> _resources = new();
    private readonly SpanMap<AsyncOpSpan> _asyncOps = new();

    public event Action<ResourceSpan>? Ended;

    /// <inheritdoc cref="TokioTracker.AsyncOpEnded"/>
    public event Action<AsyncOpSpan>? AsyncOpEnded;

    /// <inheritdoc cref="TokioTracker.ForgetEndedAsyncOps"/>
    public bool ForgetEndedAsyncOps { get; set; }

    public event Action<StateUpdate>? StateUpdated;

    public event Action<UnattributedEvent>? Unattributed;

    public IReadOnlyCollection<ResourceSpan> Live => _resources;

    public void New(SpanNode span, TokioCallsite callsite, TaskSpan? polled)
    {
        switch (callsite.Kind)
        {
            case InstrumentationKind.Resource:
                _resources.Add(span, new ResourceSpan(span, callsite, locations, ResourceAbove(span.Parent), polled));
                break;
            case InstrumentationKind.AsyncOp:
                var op = new AsyncOpSpan(span, callsite, ResourceAbove(span.Parent));
                op.Resource?.Add(op);
                _asyncOps.Add(span, op);
                break;
        }
    }

    public void Enter(SpanNode span, InstrumentationKind kind)
    {
        if (kind == InstrumentationKind.AsyncOpPoll && AsyncOpAbove(span) is { } op)
        {
            op.Polls++;
        }
    }

    public void Close(SpanNode span, InstrumentationKind kind, ulong at)
    {
        switch (kind)
        {
            case InstrumentationKind.AsyncOp when _asyncOps.Remove(span) is { } op:
                op.ClosedAt = at;
                if (op.Resource is not { IsEnded: true })
                {
                    HandOut(op);
                }
                break;
            case InstrumentationKind.Resource when _resources.Remove(span) is { } resource:
                resource.ClosedAt = at;
                End(resource);
                break;
        }
    }

    /// <summary>The resource's async ops still alive go first, in order of creation: they end with it.</summary>
    private void End(ResourceSpan resource)
    {
        if (resource.AsyncOps.Count > 0)
        {
            // A copy: handing an op out may remove it from the resource's list.
            foreach (var op in resource.AsyncOps.ToArray())
            {
                if (!op.IsEnded)
                {
                    HandOut(op);
                }
            }
        }
        resource.IsEnded = true;
        Ended?.Invoke(resource);
    }

    private void HandOut(AsyncOpSpan op)
    {
        op.IsEnded = true;
        AsyncOpEnded?.Invoke(op);
        if (ForgetEndedAsyncOps)
        {
            op.Resource?.Forget(op);
        }
    }

    public void Event(in TraceEntry entry, TokioCallsite callsite)
    {
        var kind = callsite.Kind;
        // Each kind looks up only what it applies to: a state update its resource, an async op's its op.
        var resource = kind == InstrumentationKind.AsyncOpStateUpdate ? null : ResourceAbove(entry.Parent);
        var op = kind == InstrumentationKind.StateUpdate ? null : AsyncOpAbove(entry.Parent);
        var orphan = kind switch
        {
            InstrumentationKind.StateUpdate => resource is null,
            InstrumentationKind.AsyncOpStateUpdate => op is null,
            _ => resource is null && op is null,
        };
        if (orphan)
        {
            Unattributed?.Invoke(new UnattributedEvent(entry.Timestamp, entry.Thread, kind, entry.Callsite, entry.Values.Own()));
            return;
        }
        switch (kind)
        {
            case InstrumentationKind.PollOp:
                var values = entry.Values.AsSpan();
                if (SpanFields.Text(callsite.Find(values, TokioField.OpName)) is { } name
                    && callsite.Find(values, TokioField.IsReady) is { Type: FieldValueType.Bool } ready)
                {
                    resource?.CountPoll(name, ready.Bool);
                    op?.CountPoll(name, ready.Bool);
                }
                break;
            case InstrumentationKind.StateUpdate:
                Apply(entry, callsite.StateFields!, resource!.State, resource, null);
                break;
            case InstrumentationKind.AsyncOpStateUpdate:
                Apply(entry, callsite.StateFields!, op!.State, op.Resource, op);
                break;
        }
    }

    public void Finish()
    {
        foreach (var resource in _resources.OrderBy(r => r.Span.CreatedSequence).ToList())
        {
            End(resource);
        }
    }

    /// <summary>
    /// Applies each value field with its companion <c>x.op</c> and <c>x.unit</c>. Tokio 1.24's semaphore
    /// writes <c>permits_requested</c> with <c>permits.op</c>: when the companion is missing and the event
    /// has a single <c>.op</c> field, that one is meant.
    /// </summary>
    private void Apply(in TraceEntry entry, StateUpdateFields fields, ResourceState state, ResourceSpan? owner, AsyncOpSpan? op)
    {
        string? onlyOp = null;
        var ops = 0;
        var values = entry.Values.AsSpan();
        foreach (var field in values)
        {
            if (fields.IsOp(field.Index))
            {
                ops++;
                onlyOp = SpanFields.Text(field.Value);
            }
        }
        foreach (var field in values)
        {
            if (!fields.IsValue(field.Index))
            {
                continue;
            }
            var name = fields.Name(field.Index);
            var how = SpanFields.Text(fields.OpOf(values, field.Index)) ?? (ops == 1 ? onlyOp : null) ?? "override";
            var unit = SpanFields.Text(fields.UnitOf(values, field.Index));
            var after = state.Get(name).Apply(how, field.Value, unit, entry.Timestamp);
            if (owner is not null)
            {
                StateUpdated?.Invoke(new StateUpdate(entry.Timestamp, owner, name, how, field.Value, after) { AsyncOp = op });
            }
        }
    }

    private ResourceSpan? ResourceAbove(SpanNode? span)
    {
        for (; span is not null; span = span.Parent)
        {
            if (callsites.KindOf(span.Callsite) == InstrumentationKind.Resource && _resources.Find(span) is { } resource)
            {
                return resource;
            }
        }
        return null;
    }

    private AsyncOpSpan? AsyncOpAbove(SpanNode? span)
    {
        for (; span is not null; span = span.Parent)
        {
            switch (callsites.KindOf(span.Callsite))
            {
                case InstrumentationKind.AsyncOp when _asyncOps.Find(span) is { } op:
                    return op;
                case InstrumentationKind.Resource:
                    return null;
            }
        }
        return null;
    }
}
