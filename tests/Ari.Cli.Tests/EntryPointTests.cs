using System.CommandLine;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// The in-process tests stand for the command a user runs: ari, started as a process, prints the same
/// bytes on stdout and stderr, and exits with the same code, as <see cref="InProcessAri"/> captures.
/// </summary>
public sealed class EntryPointTests
{
    [Theory]
    [InlineData("show {0} --format json")]
    [InlineData("show {0} --format ansi --layout tree")]
    [InlineData("tasks {0}")]
    [InlineData("show --help")]
    [InlineData("show {0} --format pdf")]
    [InlineData("show")]
    public void A_process_prints_what_the_test_console_captures(string commandLine)
    {
        var arguments = string.Format(commandLine, Examples.Recorded("spinner").Recording).Split(' ');

        var process = AriCommand.Run(arguments);
        var inProcess = InProcessAri.Run(arguments);
        // System.CommandLine names the root command after the executable: ari, or in process the test host.
        inProcess = inProcess with { Stdout = inProcess.Stdout.Replace($"  {RootCommand.ExecutableName} ", "  ari ") };

        Assert.Equal(process, inProcess);
    }
}
