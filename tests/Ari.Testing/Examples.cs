using System.Collections.Concurrent;

namespace Ari.Testing;

/// <summary>
/// The Tokio programs in <c>examples/</c>, built once per test run and recorded for real. Recordings
/// are shared between tests (<see cref="Recorded"/>); a test that needs its own run asks for one.
/// </summary>
public static class Examples
{
    public static readonly string[] All = ["spinner", "wakes", "oneshot", "workers", "fields", "handoff", "yields", "hostile"];

    private static readonly Lazy<string> Built = new(BuildAll);
    private static readonly ConcurrentDictionary<string, Lazy<ExampleRun>> Runs = new();
    private static readonly string Scratch = ScratchDirectory.Create("ari-tests-");

    /// <summary>The path of an example's binary, built if needed.</summary>
    public static string Binary(string name) => Path.Combine(Built.Value, name);

    /// <summary>A recording of the example made once per test run.</summary>
    public static ExampleRun Recorded(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<ExampleRun>(() => Record(n))).Value;

    /// <summary>A new run of the example, under the tap and the reference layer.</summary>
    public static ExampleRun Record(
        string name, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? arguments = null)
    {
        var stem = Path.Combine(Scratch, $"{name}-{Guid.NewGuid():N}");
        var env = new Dictionary<string, string?>
        {
            ["ARI_TAP"] = stem + ".ari",
            ["ARI_REFERENCE"] = stem + ".reference.jsonl",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }
        var result = Processes.Run(Binary(name), arguments ?? [], env);
        return new ExampleRun(name, stem + ".ari", stem + ".reference.jsonl", result);
    }

    /// <summary>
    /// Where <paramref name="marker"/> first stands in an example's source, as Tokio's instrumentation
    /// writes a spawn location (<c>examples/src/bin/NAME.rs:LINE:COLUMN</c>), so tests do not break when
    /// an example gains a line.
    /// </summary>
    public static string SourceLocation(string name, string marker)
    {
        var relative = $"examples/src/bin/{name}.rs";
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, relative));
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (column >= 0)
            {
                return $"{relative}:{i + 1}:{column + 1}";
            }
        }
        throw new ArgumentException($"{marker} is not in {relative}");
    }

    /// <summary>A scratch file path for a test.</summary>
    public static string ScratchFile(string name) => Path.Combine(Scratch, $"{Guid.NewGuid():N}-{name}");

    private static string BuildAll()
    {
        var build = Processes.Run("cargo", ["build", "--quiet", "-p", "ari-examples"]);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"cargo build of the examples failed:\n{build.Stderr}");
        }
        return RepoPaths.CargoTarget;
    }
}
