using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// The <c>ari</c> command run in the test's own process, through the same entry as the real one, with a
/// <see cref="TestConsole"/>: what a user would see, without starting a process per command. Commands
/// that start a program (<c>record</c>, <c>run</c>) and the real entry point's exit codes are tested
/// as processes (<see cref="AriCommand"/>).
/// </summary>
internal static class InProcessAri
{
    public static ProcessResult Run(params string[] arguments) => Run(arguments, environment: null);

    public static ProcessResult Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var console = new TestConsole(environment);
        var exitCode = AriCommandLine.Run([.. arguments], console);
        return new ProcessResult(exitCode, console.Stdout, console.Stderr);
    }

    /// <summary>Runs ari and fails the test, with its stderr, unless it exits 0; returns stdout.</summary>
    public static string Ok(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.ExitCode == 0, $"ari {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }
}
