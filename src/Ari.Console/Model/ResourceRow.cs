using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One resource as it stood at a snapshot's moment, copied from the tracker's own <see cref="ResourceSpan"/>
/// of a replay that stopped there: type, kind, location, its attributes then and its readiness per
/// operation as <c>ari resources</c> writes them, its async ops and their polls, and whether it had
/// closed. A copy of figures: its texts are made when first shown, since a snapshot at a long recording's
/// end has a row for every resource ever made and a frame shows a few.
/// </summary>
public sealed class ResourceRow
{
    private readonly ResourceNaming _naming;
    private readonly TaskIdentity? _createdIn;
    // When it closed and whether it had, apart: a nullable ulong takes twice a ulong's room in every row.
    private readonly ulong _closedAt;
    private readonly ReadinessCounts _readiness;

    /// <param name="parts">Where the parts many rows hold alike are shared.</param>
    internal ResourceRow(ResourceSpan resource, RowParts parts)
    {
        SpanId = resource.Id;
        CreatedSequence = resource.Span.CreatedSequence;
        _naming = parts.Share(new ResourceNaming(resource.ConcreteType, resource.Kind, resource.Location, resource.Span.Callsite.Target,
            resource.IsInternal));
        _createdIn = TaskIdentity.Of(resource.CreatedIn, parts);
        CreatedAt = resource.Span.CreatedAt;
        (IsClosed, _closedAt) = resource.ClosedAt is { } closedAt ? (true, closedAt) : (false, 0UL);
        AttributeList = AttributesOf(resource.State.Attributes, parts);
        _readiness = parts.Share(ReadinessCounts.Of(resource.Readiness));
        AsyncOps = resource.AsyncOps.Count;
        foreach (var op in resource.AsyncOps)
        {
            AsyncOpPolls += op.Polls;
        }
    }

    public ulong SpanId { get; }

    public ulong CreatedSequence { get; }

    /// <summary><c>concrete_type</c>: <c>Sleep</c>, <c>Sender|Receiver</c>, <c>Semaphore</c>…</summary>
    public string ConcreteType => _naming.ConcreteType;

    /// <summary><c>kind</c>: <c>timer</c>, <c>Sync</c>…</summary>
    public string Kind => _naming.Kind;

    public string? Location => _naming.Location;

    /// <summary>The resource span's target (the callsite's, shared, not copied).</summary>
    public string Target => _naming.Target;

    /// <summary>A resource Tokio made inside another (an mpsc channel's semaphore).</summary>
    public bool IsInternal => _naming.IsInternal;

    /// <summary>The task polled where the resource was made, when one was.</summary>
    public string? CreatedIn => _createdIn?.Label;

    public ulong CreatedAt { get; }

    public ulong? ClosedAt => IsClosed ? _closedAt : null;

    public bool IsClosed { get; }

    /// <summary>Its attributes as of the moment, as <c>ari resources</c> writes them: <c>permits=3, closed=false</c>.</summary>
    public string Attributes => field ??= string.Join(", ", AttributeList);

    /// <summary>
    /// Each attribute with its value, unit, updates and last update as of the moment, for the resource's
    /// details: the replay that made them has stopped, so they stay as they were; a resource has a few.
    /// </summary>
    public IReadOnlyList<ResourceAttributeFigures> AttributeList { get; }

    /// <summary><c>poll_op</c> readiness per operation by the moment: <c>poll_recv 1/2 ready</c>.</summary>
    public string Readiness => _readiness.Text;

    /// <summary>Async ops on the resource by the moment.</summary>
    public int AsyncOps { get; }

    /// <summary>Polls of those async ops.</summary>
    public long AsyncOpPolls { get; }

    /// <summary>The resource as ari names it elsewhere: <c>Sleep[12]</c>.</summary>
    public string Label => ResourceSpan.Label(ConcreteType, SpanId);

    public override string ToString() => Label;

    private static ResourceAttributeFigures[] AttributesOf(IReadOnlyList<ResourceAttribute> attributes, RowParts parts)
    {
        var figures = new ResourceAttributeFigures[attributes.Count];
        for (var i = 0; i < figures.Length; i++)
        {
            figures[i] = new ResourceAttributeFigures(attributes[i], parts);
        }
        return figures;
    }
}
