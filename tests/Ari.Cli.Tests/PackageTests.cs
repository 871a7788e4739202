using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// ari as a .NET tool: packed from the build ./test just made, installed into a temporary directory
/// from that package alone, and run. Slow (seconds, not minutes): it packs without building again.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageTests
{
    [Fact]
    public void The_tool_installs_from_the_built_package_and_runs()
    {
        var root = Directory.CreateTempSubdirectory("ari-tool-").FullName;
        var packages = Path.Combine(root, "packages");
        var tools = Path.Combine(root, "tools");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        Succeeds(Processes.Run("dotnet", ["pack", "src/Ari.Cli/Ari.Cli.csproj", "-c", configuration, "--no-build", "-o", packages, "-nologo"]));
        // Only the package just made: no other feed may answer for the name ari.
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="built" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        Succeeds(Processes.Run("dotnet", ["tool", "install", "ari", "--tool-path", tools, "--configfile", config, "--version", "0.1.0"]));
        var ari = Path.Combine(tools, "ari");

        Assert.Contains("export", Succeeds(Processes.Run(ari, ["--help"])));
        Assert.Contains("runtime.spawn", Succeeds(Processes.Run(ari, ["show", Examples.Recorded("spinner").Recording, "--color", "never"])));
        Directory.Delete(root, recursive: true);
    }

    private static string Succeeds(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        return result.Stdout;
    }
}
