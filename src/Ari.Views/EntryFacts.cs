using Ari.Model;
using Ari.Tokio;

namespace Ari.Views;

/// <summary>What the pipeline knows about an entry beyond the entry itself, worked out once for every view.</summary>
/// <param name="Replay">The replay the entry came from (callsites, threads, the clock's anchor).</param>
/// <param name="Kind">The entry's instrumentation kind.</param>
/// <param name="Wake">For a wake: who woke which task.</param>
public readonly record struct EntryFacts(Replay Replay, InstrumentationKind Kind, Wake? Wake);
