using System.ComponentModel;
using System.Diagnostics;

namespace Ari.Cli;

/// <summary>Runs the traced program with its own stdin, stdout and stderr, and the tap's destination in its environment.</summary>
internal static class ChildProcess
{
    public static int Run(IReadOnlyList<string> command, string tapDestination, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var interrupts = new InterruptPassThrough();
        using var process = Start(command, tapDestination, environment);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Starts the program; the caller waits for it (inside an <see cref="InterruptPassThrough"/>). With
    /// <paramref name="ownStreams"/> its stdin, stdout and stderr are pipes for the caller, which needs the terminal itself.
    /// </summary>
    public static Process Start(IReadOnlyList<string> command, string tapDestination, IReadOnlyDictionary<string, string>? environment = null, bool ownStreams = false)
    {
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = ownStreams,
            RedirectStandardOutput = ownStreams,
            RedirectStandardError = ownStreams,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ARI_TAP"] = tapDestination;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            return Process.Start(start) ?? throw new UserError($"cannot run {command[0]}");
        }
        catch (Win32Exception e)
        {
            throw new UserError($"cannot run {command[0]}: {e.Message}");
        }
    }
}
