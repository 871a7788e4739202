namespace Ari.Cli;

/// <summary>The process's own console and environment: what <c>ari</c> uses when a user runs it.</summary>
internal sealed class SystemConsole : IConsole
{
    public static SystemConsole Instance { get; } = new();

    private SystemConsole()
    {
    }

    public Stream OpenStandardOutput() => System.Console.OpenStandardOutput();

    public TextWriter Out => System.Console.Out;

    public TextWriter Error => System.Console.Error;

    public bool IsOutputRedirected => System.Console.IsOutputRedirected;

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
}
