using System.Globalization;
using System.Text.Json;
using Ari.Export.Sql;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// Recordings of a million records, as the benchmark's workload makes them, loaded into DuckDB within
/// ari's default memory limits: eight copies as one fleet (when the tables were DuckDB's own, the later
/// recordings failed to pin blocks at 48 MB a loader) and then written as one Parquet dataset (the copy of
/// long tables ran out of memory with DuckDB's default row groups); and a load interrupted. Slow for a
/// test (about half a minute), because only long recordings show it.
/// </summary>
public sealed class LongFleetTests
{
    private const int Copies = 8;

    private static readonly Lazy<string> OneMillion = new(() =>
    {
        var path = Examples.ScratchFile("million.ari");
        Record(path);
        return path;
    });

    private static string EveryTable => string.Join(", ", RecordingTables.Names.Select(table => $"(SELECT count(*) FROM {table}) AS {table}"));

    [Fact]
    public void Eight_recordings_of_a_million_records_load_every_table_and_export_as_one_dataset()
    {
        var directory = Examples.ScratchFile("long-fleet");
        Directory.CreateDirectory(directory);
        var one = Path.Combine(directory, "copy-0.ari");
        File.Copy(OneMillion.Value, one);
        for (var copy = 1; copy < Copies; copy++)
        {
            File.Copy(one, Path.Combine(directory, $"copy-{copy}.ari"));
        }
        var everyTable = EveryTable;

        var alone = Counts(InProcessAri.Run("query", one, $"SELECT {everyTable}", "--format", "json"));
        var fleet = Counts(InProcessAri.Run("query", Path.Combine(directory, "*.ari"), $"SELECT {everyTable}", "--format", "json"));
        var export = InProcessAri.Run("export", Path.Combine(directory, "*.ari"), "--format", "parquet", "-o", Path.Combine(directory, "dataset"));

        // 20,000 tasks each spawning one: about 1.1 million records.
        Assert.True(alone["tasks"] >= 40_000, $"{alone["tasks"]} tasks");
        Assert.Equal(RecordingTables.Names.Select(table => Copies * alone[table]), RecordingTables.Names.Select(table => fleet[table]));
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(Copies * RecordingTables.Names.Length, Directory.GetFiles(Path.Combine(directory, "dataset"), "*.parquet", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Ctrl_c_while_a_query_loads_leaves_nothing_in_the_temporary_directory()
    {
        var temporary = Examples.ScratchFile("interrupted-query");
        Directory.CreateDirectory(temporary);
        using var query = AriCommand.Start(["query", OneMillion.Value, $"SELECT {EveryTable}"], new Dictionary<string, string?> { ["TMPDIR"] = temporary });
        var output = query.StandardOutput.ReadToEndAsync();
        var errors = query.StandardError.ReadToEndAsync();

        // Interrupted once tables are being staged: a million records take a second or more to load.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!Directory.EnumerateFiles(temporary, "*.parquet", SearchOption.AllDirectories).Any() && !query.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        Assert.False(query.HasExited, $"the query ended before it was interrupted: {(query.HasExited ? await errors : "")}");
        Assert.Equal(0, Processes.Run("kill", ["-INT", query.Id.ToString(CultureInfo.InvariantCulture)]).ExitCode);
        await query.WaitForExitAsync();
        await Task.WhenAll(output, errors);

        Assert.NotEqual(0, query.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temporary));
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
