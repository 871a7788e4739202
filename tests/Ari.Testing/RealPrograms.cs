using System.Collections.Concurrent;
using System.Text.Json;

namespace Ari.Testing;

/// <summary>
/// The real programs in <c>examples/real/</c> (hyper, tokio-util, Tokio's primitives, and one program a
/// lint fault), built once per test run and recorded once each. Every run also writes the program's own
/// ground truth, counted without tracing, which tests hold ari's analysis against.
/// </summary>
public static class RealPrograms
{
    private static readonly Lazy<string> Built = new(Build);
    private static readonly ConcurrentDictionary<string, Lazy<RealRun>> Runs = new();
    private static readonly string Scratch = ScratchDirectory.Create("ari-real-");

    /// <summary>A recording of the program at size 1, made once per test run.</summary>
    public static RealRun Recorded(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<RealRun>(() => Record(n))).Value;

    private static RealRun Record(string name)
    {
        var stem = Path.Combine(Scratch, $"{name}-{Guid.NewGuid():N}");
        var result = Processes.Run(Path.Combine(Built.Value, name), [],
            new Dictionary<string, string?> { ["ARI_TAP"] = stem + ".ari", ["ARI_TRUTH"] = stem + ".json" },
            timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {result.ExitCode}:\n{result.Stderr}");
        }
        using var truth = JsonDocument.Parse(File.ReadAllText(stem + ".json"));
        return new RealRun(name, stem + ".ari", truth.RootElement.Clone());
    }

    private static string Build()
    {
        var build = Processes.Run("cargo", ["build", "--quiet", "-p", "ari-real-examples"]);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"cargo build of the real programs failed:\n{build.Stderr}");
        }
        return RepoPaths.CargoTarget;
    }
}
