using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One <c>runtime.resource.async_op</c> span: a future on a resource (its <c>source</c>, e.g.
/// <c>Receiver::await</c>), polled through its <c>runtime.resource.async_op.poll</c> child span.
/// </summary>
public sealed class AsyncOpSpan
{
    private readonly List<Readiness> _readiness = [];

    internal AsyncOpSpan(SpanNode span, TokioCallsite callsite, ResourceSpan? resource)
    {
        Span = span;
        Resource = resource;
        Source = SpanFields.Text(callsite.Find(span.Values.AsSpan(), TokioField.Source)) ?? "";
    }

    public SpanNode Span { get; }

    public ulong Id => Span.Id;

    public string Source { get; }

    public ResourceSpan? Resource { get; }

    /// <summary>Polls: outermost enters of its <c>async_op.poll</c> spans.</summary>
    public long Polls { get; internal set; }

    public ResourceState State { get; } = new();

    public IReadOnlyList<Readiness> Readiness => _readiness;

    public ulong? ClosedAt { get; internal set; }

    /// <summary>Handed out (<see cref="TokioTracker.AsyncOpEnded"/>): closed, or its resource ended first.</summary>
    public bool IsEnded { get; internal set; }

    public override string ToString() => $"{Source}[{Id}]";

    internal void CountPoll(string operation, bool ready) => ResourceSpan.ReadinessOf(_readiness, operation).Count(ready);
}
