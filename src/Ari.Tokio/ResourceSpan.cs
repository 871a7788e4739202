using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// One <c>runtime.resource</c> span: a timer, a channel, a semaphore… with its state rebuilt from
/// <c>state_update</c> events, its async operations, and <c>poll_op</c> readiness per operation.
/// </summary>
public sealed class ResourceSpan
{
    private readonly List<AsyncOpSpan> _asyncOps = [];
    private readonly List<Readiness> _readiness = [];

    internal ResourceSpan(SpanNode span, TokioCallsite callsite, LocationTexts locations, ResourceSpan? parent, TaskSpan? createdIn)
    {
        Span = span;
        Parent = parent;
        CreatedIn = createdIn;
        var values = span.Values.AsSpan();
        ConcreteType = SpanFields.Text(callsite.Find(values, TokioField.ConcreteType)) ?? "";
        Kind = SpanFields.Text(callsite.Find(values, TokioField.Kind)) ?? "";
        Location = locations.Of(callsite, values);
        IsInternal = callsite.Find(values, TokioField.IsInternal) is { Type: Wire.FieldValueType.Bool } flag && flag.Bool;
    }

    public SpanNode Span { get; }

    public ulong Id => Span.Id;

    /// <summary><c>concrete_type</c>: <c>Sleep</c>, <c>Sender|Receiver</c>, <c>Semaphore</c>, …</summary>
    public string ConcreteType { get; }

    /// <summary><c>kind</c>: <c>timer</c>, <c>Sync</c>, …</summary>
    public string Kind { get; }

    public string? Location { get; }

    /// <summary>A resource inside another (Tokio's mpsc channel holds an internal semaphore).</summary>
    public bool IsInternal { get; }

    public ResourceSpan? Parent { get; }

    /// <summary>The task being polled where the resource was created.</summary>
    public TaskSpan? CreatedIn { get; }

    public ResourceState State { get; } = new();

    /// <summary>
    /// Its async ops in order of creation: every one, unless the tracker was told to forget those it has
    /// handed out (<see cref="TokioTracker.ForgetEndedAsyncOps"/>); then those still alive.
    /// </summary>
    public IReadOnlyList<AsyncOpSpan> AsyncOps => _asyncOps;

    public IReadOnlyList<Readiness> Readiness => _readiness;

    public ulong? ClosedAt { get; internal set; }

    /// <summary>Handed out (<see cref="TokioTracker.ResourceEnded"/>): closed, or alive when the recording ended.</summary>
    public bool IsEnded { get; internal set; }

    public override string ToString() => Label(ConcreteType, Id);

    /// <summary>A resource's label from its parts, for a copy of its figures that keeps the parts rather than the text.</summary>
    public static string Label(string concreteType, ulong spanId) => $"{concreteType}[{spanId}]";

    internal void Add(AsyncOpSpan op) => _asyncOps.Add(op);

    internal void Forget(AsyncOpSpan op) => _asyncOps.Remove(op);

    internal void CountPoll(string operation, bool ready) => ReadinessOf(_readiness, operation).Count(ready);

    internal static Readiness ReadinessOf(List<Readiness> list, string operation)
    {
        // A loop, not List.Find with a lambda: this runs for every poll_op event, and the lambda would allocate.
        foreach (var readiness in list)
        {
            if (readiness.Operation == operation)
            {
                return readiness;
            }
        }
        var found = new Readiness(operation);
        list.Add(found);
        return found;
    }
}
