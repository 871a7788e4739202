namespace Ari.Tokio;

/// <summary>
/// What a <see cref="TokioAnalysis"/> keeps while it reads. Kept parts live until the end of the recording,
/// so the commands keep none of the lists: they follow the tracker's reports as they come (and
/// <c>ari lint</c> keeps its findings). The lists are for code that wants the whole analysis at the end
/// of a recording that fits in memory, such as the tests of what ari makes of the example programs.
/// </summary>
[Flags]
public enum AnalysisParts
{
    /// <summary>Nothing kept: a command that follows the tracker's reports as they come keeps its own figures.</summary>
    None = 0,

    /// <summary><see cref="TokioAnalysis.Tasks"/>.</summary>
    Tasks = 1,

    /// <summary><see cref="TokioAnalysis.Wakers"/> and <see cref="TokioAnalysis.Wakes"/>.</summary>
    Wakers = 2,

    /// <summary><see cref="TokioAnalysis.Resources"/>.</summary>
    Resources = 4,

    /// <summary><see cref="TokioAnalysis.StateUpdates"/>.</summary>
    StateUpdates = 8,

    /// <summary><see cref="TokioAnalysis.Unattributed"/>.</summary>
    Unattributed = 16,

    /// <summary><see cref="TokioAnalysis.Linter"/>: the lints are checked only when asked for.</summary>
    Lint = 32,

    All = Tasks | Wakers | Resources | StateUpdates | Unattributed | Lint,
}
