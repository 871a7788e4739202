using Ari.Model;

namespace Ari.Testing;

/// <summary>A sink that hands each entry to a function: for tests that look at entries as they come.</summary>
public sealed class EntryCallback(Action<TraceEntry, Replay> observe) : IEntrySink
{
    public void Observe(in TraceEntry entry, Replay replay) => observe(entry, replay);
}
