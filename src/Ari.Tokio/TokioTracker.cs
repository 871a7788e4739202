using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Follows Tokio's instrumentation through a replay, entry by entry, and says what each entry means
/// for tasks and wakers. Fed every entry in order, before any view renders it.
/// </summary>
public sealed class TokioTracker
{
    /// <summary>Takes one entry into account; for a wake, says who woke which task.</summary>
    public Wake? Observe(in TraceEntry entry) => null;
}
