namespace Ari.Testing;

/// <summary>The <c>ari</c> command, run as a user runs it: a separate process, arguments, exit code, output.</summary>
public static class AriCommand
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "ari.dll");

    public static ProcessResult Run(params string[] arguments) => Run(arguments, environment: null);

    public static ProcessResult Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? stdin = null) =>
        Processes.Run("dotnet", ["exec", Dll, .. arguments], environment, stdin: stdin);
}
