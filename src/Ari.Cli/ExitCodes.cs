namespace Ari.Cli;

/// <summary>What <c>ari</c>'s exit code means (also in the README). <c>record</c> and <c>run</c> exit with the program's code.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A mistake on the command line, or a file that cannot be read.</summary>
    public const int UsageError = 1;

    /// <summary>The input is not an ari recording, is of an unknown version, or is damaged.</summary>
    public const int BadRecording = 2;

    /// <summary>The recording stops early (cut, or the program ended without the tap's end record).</summary>
    public const int IncompleteRecording = 3;

    /// <summary><c>ari lint --deny</c> found at least one warning.</summary>
    public const int LintWarnings = 4;
}
