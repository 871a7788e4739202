namespace Ari.Testing;

/// <summary>How a process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
