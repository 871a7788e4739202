namespace Ari.Cli;

/// <summary>A mistake the user can fix: shown as one line on stderr, never as a stack trace.</summary>
internal sealed class UserError(string message, int exitCode = ExitCodes.UsageError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
