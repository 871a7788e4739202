using System.Runtime.InteropServices;
using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// ari as a .NET tool: packed for this machine's platform from the sources ./test just built, installed
/// into a temporary directory from that package alone, and run. Slow (about a minute): the platform's
/// package is published for its runtime identifier, which the solution's build does not do.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageTests
{
    /// <summary>DuckDB's native library for one platform is most of a package; five of them made 112 MB.</summary>
    private const long MostBytesAPlatformPackage = 40L * 1024 * 1024;

    [Fact]
    public void The_tool_installs_from_the_built_package_and_runs()
    {
        var root = Directory.CreateTempSubdirectory("ari-tool-").FullName;
        var packages = Path.Combine(root, "packages");
        var tools = Path.Combine(root, "tools");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var platform = RuntimeInformation.RuntimeIdentifier;
        // The README's pack makes every platform's package; this machine's alone is enough to install.
        Succeeds(Processes.Run("dotnet", ["pack", "src/Ari.Cli/Ari.Cli.csproj", "-c", configuration, "-o", packages, "-nologo",
            $"-p:ToolPackageRuntimeIdentifiers={platform}"]));
        var platformPackage = new FileInfo(Path.Combine(packages, $"ari.{platform}.0.1.0.nupkg"));
        Assert.True(platformPackage.Exists, $"no package for {platform} in {packages}");
        Assert.InRange(platformPackage.Length, 1, MostBytesAPlatformPackage);

        // Only the packages just made: no other feed may answer for the name ari.
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

        Assert.Equal(GenerationZeroBytesOfDotAri(), GenerationZeroBudgetOfInstalled(ari));
        Assert.Contains("export", Succeeds(Processes.Run(ari, ["--help"])));
        Assert.Contains("runtime.spawn", Succeeds(Processes.Run(ari, ["show", Examples.Recorded("spinner").Recording, "--color", "never"])));
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The first generation's size <c>./ari</c> runs ari with (scripts/setup.sh exports it).</summary>
    private static long GenerationZeroBytesOfDotAri()
    {
        var exported = Succeeds(Processes.Run("env", ["-u", "DOTNET_GCgen0size", "bash", "-c",
            "source scripts/setup.sh && printf %s \"$DOTNET_GCgen0size\""]));
        return Convert.ToInt64(exported, 16);
    }

    /// <summary>
    /// The runtime reads <c>GCgen0size</c> only from the environment, which an installed tool does not
    /// get from ./ari; its runtimeconfig caps the first generation's budget at the same size instead.
    /// </summary>
    private static long GenerationZeroBudgetOfInstalled(string ari)
    {
        var installed = new FileInfo(ari).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? ari;
        var runtimeConfig = Path.Combine(Path.GetDirectoryName(installed)!, "ari.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties")
            .GetProperty("System.GC.Gen0MaxBudget").GetInt64();
    }

    private static string Succeeds(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        return result.Stdout;
    }
}
