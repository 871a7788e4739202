namespace Ari.Cli;

/// <summary>The process's own console and environment: what <c>ari</c> uses when a user runs it.</summary>
internal sealed class SystemConsole : IConsole
{
    public static SystemConsole Instance { get; } = new();

    private SystemConsole()
    {
    }

    public Stream OpenStandardOutput() => Console.OpenStandardOutput();

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public bool IsOutputRedirected => Console.IsOutputRedirected;

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
}
