namespace Ari.Export.Perfetto;

/// <summary>
/// A slice's end of a flow arrow (trace-event flow v2): <c>bind_id</c> pairs the slice that starts it
/// (<c>flow_out</c>) with the one it ends in (<c>flow_in</c>), so the arrow belongs to those two slices
/// whatever else starts or ends at the same time on their tracks.
/// </summary>
public readonly record struct FlowBinding(ulong BindId, bool Incoming);
