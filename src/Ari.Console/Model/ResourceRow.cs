using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One resource as it stood at a snapshot's moment, copied from the tracker's own <see cref="ResourceSpan"/>
/// of a replay that stopped there: type, kind, location, its attributes then and its readiness per
/// operation as <c>ari resources</c> writes them, its async ops and their polls, and whether it had
/// closed. A copy of figures: its texts are made when first shown, since a snapshot at a long recording's
/// end has a row for every resource ever made and a frame shows a few. Kept packed
/// (<see cref="EndedRows{T}"/>) and made when read, alive or ended, by one path (<see cref="Write"/>).
/// </summary>
public sealed class ResourceRow
{
    private readonly ResourceNaming _naming;
    private readonly TaskIdentity? _createdIn;
    private readonly ReadinessCounts _readiness;

    /// <summary>The row packed by <see cref="Write"/>, made again.</summary>
    /// <param name="createdSequence">Its key, kept apart from its figures.</param>
    /// <param name="parts">Where the parts its figures name by number are.</param>
    internal ResourceRow(ref RowReader figures, ulong createdSequence, RowParts parts)
    {
        CreatedSequence = createdSequence;
        SpanId = figures.Read();
        _naming = parts.PartAt<ResourceNaming>(figures.ReadInt());
        _createdIn = TaskIdentity.Read(ref figures, parts);
        CreatedAt = figures.Read();
        ClosedAt = figures.ReadBool() ? figures.Read() : null;
        var attributes = new ResourceAttributeFigures[figures.ReadInt()];
        for (var i = 0; i < attributes.Length; i++)
        {
            attributes[i] = new ResourceAttributeFigures(parts.PartAt<AttributeValue>(figures.ReadInt()), figures.ReadInt(), figures.Read());
        }
        AttributeList = attributes;
        _readiness = parts.PartAt<ReadinessCounts>(figures.ReadInt());
        AsyncOps = figures.ReadInt();
        AsyncOpPolls = figures.ReadLong();
    }

    /// <summary>
    /// Packs the row of <paramref name="resource"/> (but its key, its span's creation): its figures, and its
    /// parts many rows hold alike by number (<see cref="RowParts"/>).
    /// </summary>
    internal static void Write(RowWriter figures, ResourceSpan resource, RowParts parts)
    {
        figures.Write(resource.Id);
        figures.Write(parts.NumberOf(new ResourceNaming(resource.ConcreteType, resource.Kind, resource.Location, resource.Span.Callsite.Target,
            resource.IsInternal)));
        TaskIdentity.Write(figures, resource.CreatedIn, parts);
        figures.Write(resource.Span.CreatedAt);
        figures.Write(resource.ClosedAt is not null);
        if (resource.ClosedAt is { } closedAt)
        {
            figures.Write(closedAt);
        }
        var attributes = resource.State.Attributes;
        figures.Write(attributes.Count);
        foreach (var attribute in attributes)
        {
            figures.Write(parts.NumberOf(new AttributeValue(attribute.Name, attribute.Value, attribute.Unit)));
            figures.Write(attribute.Updates);
            figures.Write(attribute.LastUpdatedAt);
        }
        figures.Write(parts.NumberOf(ReadinessCounts.Of(resource.Readiness)));
        figures.Write(resource.AsyncOps.Count);
        long asyncOpPolls = 0;
        foreach (var op in resource.AsyncOps)
        {
            asyncOpPolls += op.Polls;
        }
        figures.Write(asyncOpPolls);
    }

    /// <summary>The row of <paramref name="resource"/>, made as a packed one is, so a row alive and one ended agree.</summary>
    internal static ResourceRow Of(ResourceSpan resource, RowParts parts, RowWriter scratch)
    {
        scratch.Clear();
        Write(scratch, resource, parts);
        var figures = new RowReader(scratch.Written);
        return new ResourceRow(ref figures, resource.Span.CreatedSequence, parts);
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

    public ulong? ClosedAt { get; }

    public bool IsClosed => ClosedAt is not null;

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
}
