using Ari.Model;

namespace Ari.Export;

/// <summary>
/// One export format, fed a recording entry by entry in one pass (as the analysis commands are), so
/// it holds only what is live, never the whole recording.
/// </summary>
public interface IRecordingExporter : IDisposable
{
    void Observe(in TraceEntry entry, Replay replay);

    /// <summary>The recording is over: write out what is still open.</summary>
    void Finish();
}
