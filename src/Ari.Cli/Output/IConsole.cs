namespace Ari.Cli;

/// <summary>
/// What a command may use of the process it runs in: stdout, stderr, whether stdout is a terminal, and
/// the environment. Commands take it as a parameter, so tests run them in process with a console that
/// captures both streams (as dotnet-counters passes its <c>IConsole</c>).
/// </summary>
internal interface IConsole
{
    /// <summary>
    /// Standard output as bytes, for the views that write UTF-8 themselves. Unbuffered: the caller
    /// buffers it and disposes it when done.
    /// </summary>
    Stream OpenStandardOutput();

    /// <summary>Standard output as text, for System.CommandLine's help.</summary>
    TextWriter Out { get; }

    /// <summary>Standard error: progress, warnings and errors.</summary>
    TextWriter Error { get; }

    /// <summary>Whether standard output goes to a file or a pipe rather than a terminal (colour follows it).</summary>
    bool IsOutputRedirected { get; }

    string? GetEnvironmentVariable(string name);
}
