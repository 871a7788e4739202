using Ari.Model;

namespace Ari.Export;

/// <summary>
/// One export format, fed a recording entry by entry in one pass (as the analysis commands are), so
/// it holds only what is live, never the whole recording: a sink of the replay.
/// </summary>
public interface IRecordingExporter : IEntrySink, IDisposable
{
    /// <summary>The recording is over: write out what is still open.</summary>
    void Finish();
}
