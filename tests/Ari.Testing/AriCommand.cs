using System.Diagnostics;

namespace Ari.Testing;

/// <summary>The <c>ari</c> command, run as a user runs it: a separate process, arguments, exit code, output.</summary>
public static class AriCommand
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "ari.dll");

    public static ProcessResult Run(params string[] arguments) => Run(arguments, environment: null);

    /// <summary>Runs ari and fails the test, with its stderr, unless it exits 0; returns stdout.</summary>
    public static string Ok(params string[] arguments)
    {
        var result = Run(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ari {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}");
        }
        return result.Stdout;
    }

    /// <summary>Starts ari and leaves its output unread until the test reads it: a reader that falls behind.</summary>
    public static Process Start(params string[] arguments) => Start(arguments, environment: null);

    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment) =>
        Process.Start(Processes.StartInfo("dotnet", ["exec", Dll, .. arguments], environment))!;

    public static ProcessResult Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? stdin = null) =>
        Processes.Run("dotnet", ["exec", Dll, .. arguments], environment, stdin: stdin);
}
