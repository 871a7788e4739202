using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// One resource as it stood at a snapshot's moment: the tracker's own <see cref="ResourceSpan"/> of a
/// replay that stopped there (type, kind, location, attributes, async ops with their polls and
/// readiness), and whether it had closed by then.
/// </summary>
public sealed class ResourceRow
{
    internal ResourceRow(ResourceSpan resource) => Resource = resource;

    /// <summary>The tracker's resource, frozen at the snapshot's moment.</summary>
    public ResourceSpan Resource { get; }

    public ulong SpanId => Resource.Id;

    public bool IsClosed => Resource.ClosedAt is not null;

    public override string ToString() => Resource.ToString();
}
