namespace Ari.Model;

/// <summary>
/// What consumes a replay: a view's pipeline, an analysis, an exporter. <see cref="Replay.Play"/> hands
/// it every entry in sequence order, with the replay as it stands right after that entry.
/// </summary>
public interface IEntrySink
{
    /// <summary>A sink that keeps nothing, for a reader that wants only how the input ended.</summary>
    static IEntrySink None { get; } = new Discarding();

    void Observe(in TraceEntry entry, Replay replay);

    private sealed class Discarding : IEntrySink
    {
        public void Observe(in TraceEntry entry, Replay replay)
        {
        }
    }
}
