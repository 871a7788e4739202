namespace Ari.Tokio;

/// <summary>One attribute change from a <c>state_update</c> event: what the event said and the value after it.</summary>
/// <param name="Timestamp">When.</param>
/// <param name="Owner">The resource (or async op) it applies to.</param>
/// <param name="Attribute">The attribute after the update.</param>
/// <param name="Op"><c>override</c>, <c>add</c> or <c>sub</c>.</param>
/// <param name="Given">The event's value.</param>
/// <param name="After">The attribute's value after applying it.</param>
public readonly record struct StateUpdate(ulong Timestamp, ResourceSpan Owner, string Attribute, string Op, Wire.FieldValue Given, Wire.FieldValue After)
{
    /// <summary>The async op it applies to, for <c>async_op::state_update</c>.</summary>
    public AsyncOpSpan? AsyncOp { get; init; }
}
