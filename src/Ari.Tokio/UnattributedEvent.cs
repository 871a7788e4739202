using Ari.Model;
using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// A resource event (<c>state_update</c>, <c>poll_op</c>, <c>async_op::state_update</c>) with no resource
/// span above it. The third article finds three at the end of every program: the oneshot that shuts
/// down Tokio's blocking pool was made before the subscriber, so its resource span is disabled and its
/// updates float without a parent.
/// </summary>
public sealed record UnattributedEvent(ulong Timestamp, ThreadTrack Thread, InstrumentationKind Kind, Callsite Callsite, FieldValues Values)
{
    /// <summary>The fields as <c>name=value</c> text.</summary>
    public string Describe() => string.Join(", ", Values.AsSpan().ToArray().Select(field =>
        $"{(field.Index < Callsite.FieldNames.Count ? Callsite.FieldNames[field.Index] : "?")}={ResourceAttribute.Text(field.Value)}"));
}
