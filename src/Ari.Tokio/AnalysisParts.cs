namespace Ari.Tokio;

/// <summary>
/// What a <see cref="TokioAnalysis"/> keeps while it reads. Each command asks only for what it shows:
/// kept parts live until the end of the recording, so a table of tasks that also kept every wake and
/// state update grew with the recording's length several times faster than its own rows.
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
