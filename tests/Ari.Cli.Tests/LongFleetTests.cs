using System.Text.Json;
using Ari.Export.Sql;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// Recordings of a million records, as the benchmark's workload makes them, loaded into DuckDB within
/// ari's default memory limits: eight copies as one fleet (at 48 MB a loader the later recordings failed to
/// pin blocks) and then written as one Parquet dataset (the copy of long tables ran out of memory with
/// DuckDB's default row groups). Slow for a test (about half a minute), because only long recordings show it.
/// </summary>
public sealed class LongFleetTests
{
    private const int Copies = 8;

    [Fact]
    public void Eight_recordings_of_a_million_records_load_every_table_and_export_as_one_dataset()
    {
        var directory = Examples.ScratchFile("long-fleet");
        Directory.CreateDirectory(directory);
        var one = Path.Combine(directory, "copy-0.ari");
        Record(one);
        for (var copy = 1; copy < Copies; copy++)
        {
            File.Copy(one, Path.Combine(directory, $"copy-{copy}.ari"));
        }
        var everyTable = string.Join(", ", RecordingTables.Names.Select(table => $"(SELECT count(*) FROM {table}) AS {table}"));

        var alone = Counts(InProcessAri.Run("query", one, $"SELECT {everyTable}", "--format", "json"));
        var fleet = Counts(InProcessAri.Run("query", Path.Combine(directory, "*.ari"), $"SELECT {everyTable}", "--format", "json"));
        var export = InProcessAri.Run("export", Path.Combine(directory, "*.ari"), "--format", "parquet", "-o", Path.Combine(directory, "dataset"));

        // 20,000 tasks each spawning one: about 1.1 million records.
        Assert.True(alone["tasks"] >= 40_000, $"{alone["tasks"]} tasks");
        Assert.Equal(RecordingTables.Names.Select(table => Copies * alone[table]), RecordingTables.Names.Select(table => fleet[table]));
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(Copies * RecordingTables.Names.Length, Directory.GetFiles(Path.Combine(directory, "dataset"), "*.parquet", SearchOption.AllDirectories).Length);
    }

    private static void Record(string path)
    {
        var build = Processes.Run("cargo", ["build", "--quiet", "-p", "ari-bench-workload"]);
        Assert.True(build.ExitCode == 0, build.Stderr);
        var run = Processes.Run(Path.Combine(RepoPaths.CargoTarget, "workload"), ["tap", "20000", "/dev/null", "1"],
            new Dictionary<string, string?> { ["ARI_TAP"] = path });
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private static Dictionary<string, long> Counts(ProcessResult query)
    {
        Assert.True(query.ExitCode == 0, query.Stderr);
        using var row = JsonDocument.Parse(query.Stdout.Trim());
        return RecordingTables.Names.ToDictionary(table => table, table => row.RootElement.GetProperty(table).GetInt64());
    }
}
