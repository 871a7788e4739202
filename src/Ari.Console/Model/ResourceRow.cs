using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One resource as it stood at a snapshot's moment, copied from the tracker's own <see cref="ResourceSpan"/>
/// of a replay that stopped there: type, kind, location, attributes then, async ops with their polls and
/// readiness, and whether it had closed. Its state and readiness are the tracker's objects, which nothing
/// changes once the replay has stopped; its spans are not kept.
/// </summary>
public sealed class ResourceRow
{
    internal ResourceRow(ResourceSpan resource)
    {
        SpanId = resource.Id;
        CreatedSequence = resource.Span.CreatedSequence;
        ConcreteType = resource.ConcreteType;
        Kind = resource.Kind;
        Location = resource.Location;
        IsInternal = resource.IsInternal;
        CreatedIn = resource.CreatedIn?.ToString();
        CreatedAt = resource.Span.CreatedAt;
        ClosedAt = resource.ClosedAt;
        State = resource.State;
        Readiness = resource.Readiness;
        AsyncOps = resource.AsyncOps.Count == 0 ? [] : resource.AsyncOps.Select(op => new AsyncOpRow(op)).ToArray();
        Label = resource.ToString();
    }

    public ulong SpanId { get; }

    public ulong CreatedSequence { get; }

    /// <summary><c>concrete_type</c>: <c>Sleep</c>, <c>Sender|Receiver</c>, <c>Semaphore</c>…</summary>
    public string ConcreteType { get; }

    /// <summary><c>kind</c>: <c>timer</c>, <c>Sync</c>…</summary>
    public string Kind { get; }

    public string? Location { get; }

    /// <summary>A resource Tokio made inside another (an mpsc channel's semaphore).</summary>
    public bool IsInternal { get; }

    /// <summary>The task polled where the resource was made, when one was.</summary>
    public string? CreatedIn { get; }

    public ulong CreatedAt { get; }

    public ulong? ClosedAt { get; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Its attributes as of the moment.</summary>
    public ResourceState State { get; }

    /// <summary><c>poll_op</c> readiness per operation by the moment.</summary>
    public IReadOnlyList<Readiness> Readiness { get; }

    public IReadOnlyList<AsyncOpRow> AsyncOps { get; }

    /// <summary>The resource as ari names it elsewhere: <c>Sleep[12]</c>.</summary>
    public string Label { get; }

    public override string ToString() => Label;
}
