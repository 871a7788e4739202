using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>One async op of a resource as it stood at a snapshot's moment: its source, polls, readiness and state.</summary>
public sealed class AsyncOpRow
{
    internal AsyncOpRow(AsyncOpSpan op)
    {
        SpanId = op.Id;
        Source = op.Source;
        Polls = op.Polls;
        Readiness = op.Readiness;
        State = op.State;
        IsClosed = op.ClosedAt is not null;
    }

    public ulong SpanId { get; }

    /// <summary><c>source</c>: <c>Receiver::await</c>, <c>Sleep::new</c>…</summary>
    public string Source { get; }

    public long Polls { get; }

    public IReadOnlyList<Readiness> Readiness { get; }

    public ResourceState State { get; }

    public bool IsClosed { get; }
}
