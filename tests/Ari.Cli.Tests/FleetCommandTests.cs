using System.Text.Json;
using Ari.Export.Sql;
using Ari.Testing;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace Ari.Cli.Tests;

/// <summary><c>ari query</c> and <c>ari export</c> over a fleet of recordings, held against each recording alone.</summary>
public sealed class FleetCommandTests
{
    /// <summary>The fleet's files: two recordings named <c>wakes</c> in two folders (a collision), and one beside them.</summary>
    private static readonly (string File, string Example)[] Members = [("a/wakes.ari", "wakes"), ("b/wakes.ari", "workers"), ("oneshot.ari", "oneshot")];

    private static readonly Lazy<string> FleetDirectory = new(() =>
    {
        var directory = Examples.ScratchFile("fleet");
        foreach (var (file, example) in Members)
        {
            var path = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Examples.Recorded(example).Recording, path);
        }
        return directory;
    });

    private static string Member(string file) => Path.Combine(FleetDirectory.Value, file);

    [Fact]
    public void One_query_over_several_recordings_counts_each_table_as_the_sum_of_each_recording_alone()
    {
        var everyTable = string.Join(", ", RecordingTables.Names.Select(table => $"(SELECT count(*) FROM {table}) AS {table}"));
        var alone = Members.Select(member => CountsOf(InProcessAri.Ok("query", Member(member.File), $"SELECT {everyTable}", "--format", "json"))).ToList();

        var together = CountsOf(InProcessAri.Ok(["query", .. Members.Select(member => Member(member.File)), $"SELECT {everyTable}", "--format", "json"]));

        Assert.Equal(RecordingTables.Names.Select(table => alone.Sum(counts => counts[table])), RecordingTables.Names.Select(table => together[table]));
        Assert.All(RecordingTables.Names, table => Assert.True(together[table] > 0 || table == "resources" || table == "state_updates", table));
    }

    [Fact]
    public void Every_table_says_which_recording_a_row_is_from_named_by_its_file_a_collision_made_unique()
    {
        var expected = new Dictionary<string, string> { ["oneshot"] = "oneshot", ["wakes"] = "wakes", ["wakes-2"] = "workers" };
        var perTable = RecordingTables.Names.Select(table =>
            $"SELECT '{table}' AS t, recording, count(*) AS n FROM {table} GROUP BY ALL");

        var rows = Lines(InProcessAri.Ok("query", Member("*/*.ari"), Member("oneshot.ari"), string.Join(" UNION ALL ", perTable), "--format", "json"));
        var recordings = Lines(InProcessAri.Ok("query", Member("*/*.ari"), Member("oneshot.ari"), "SELECT recording, program, pid FROM recording", "--format", "json"));

        Assert.Equal(expected.Keys.Order(), recordings.Select(row => row.GetProperty("recording").GetString()!).Order());
        foreach (var recording in recordings)
        {
            var example = expected[recording.GetProperty("recording").GetString()!];
            // The stream's start record carries the program as started (argv[0]) and its process ID.
            Assert.Equal(example, Path.GetFileName(recording.GetProperty("program").GetString()));
            Assert.True(recording.GetProperty("pid").GetUInt64() > 0);
        }
        foreach (var (name, example) in expected)
        {
            var file = Members.Single(member => member.Example == example).File;
            foreach (var table in new[] { "spans", "events", "tasks", "polls", "wakes" })
            {
                var alone = Convert.ToInt64(InProcessAri.Ok("query", Member(file), $"SELECT count(*) FROM {table}", "--format", "csv").Split("\r\n")[1]);
                var row = rows.Single(row => row.GetProperty("t").GetString() == table && row.GetProperty("recording").GetString() == name);
                Assert.Equal(alone, row.GetProperty("n").GetInt64());
            }
        }
    }

    [Fact]
    public void A_pattern_alone_makes_a_fleet_and_one_file_keeps_the_tables_it_always_had()
    {
        const string Columns = "SELECT column_name FROM duckdb_columns() WHERE table_name = 'tasks' LIMIT 4";

        var single = InProcessAri.Ok("query", Member("oneshot.ari"), Columns, "--format", "csv");
        var pattern = InProcessAri.Ok("query", Member("one*.ari"), Columns, "--format", "csv");

        Assert.Equal("column_name\r\nid\r\nseq\r\ntokio_id\r\nkind\r\n", single);
        Assert.Equal("column_name\r\nrecording\r\nprogram\r\npid\r\nid\r\n", pattern);
    }

    [Fact]
    public void A_pattern_that_matches_nothing_or_a_missing_recording_is_exit_code_1()
    {
        var nothing = InProcessAri.Run("query", Member("*.nothing"), "SELECT 1");
        var missing = InProcessAri.Run("query", Member("oneshot.ari"), Member("missing.ari"), "SELECT 1");
        var noSql = InProcessAri.Run("query", Member("oneshot.ari"));

        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("matches no file", nothing.Stderr);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read", missing.Stderr);
        Assert.Equal(1, noSql.ExitCode);
        Assert.Equal(1, InProcessAri.Run("export", Member("*/*.ari"), "--format", "perfetto", "-o", Examples.ScratchFile("fleet.json")).ExitCode);
    }

    [Fact]
    public async Task Parquet_export_of_a_fleet_is_one_hive_partitioned_dataset_that_parquet_net_and_duckdb_read()
    {
        var directory = Examples.ScratchFile("hive");
        InProcessAri.Ok("export", Member("*/*.ari"), Member("oneshot.ari"), "--format", "parquet", "-o", directory);
        var tasksAlone = Members.ToDictionary(member => member.File, member => Lines(InProcessAri.Ok("tasks", Member(member.File), "--format", "json")).Count);

        Assert.Equal(["recording=oneshot", "recording=wakes", "recording=wakes-2"], Directory.GetDirectories(directory).Select(Path.GetFileName).Order());
        foreach (var (name, file) in new[] { ("oneshot", "oneshot.ari"), ("wakes", "a/wakes.ari"), ("wakes-2", "b/wakes.ari") })
        {
            var partition = Path.Combine(directory, "recording=" + name);
            Assert.Equal(RecordingTables.Names.Order(), Directory.GetFiles(partition).Select(Path.GetFileNameWithoutExtension).Order());
            // Read by Parquet.Net: the folder names the recording, so the file leaves that column out.
            var (columns, programs) = await TasksByParquetNet(Path.Combine(partition, "tasks.parquet"));
            Assert.DoesNotContain("recording", columns);
            Assert.Equal(["program", "pid", "id", "seq"], columns[..4]);
            Assert.Equal(tasksAlone[file], programs.Count);
            Assert.All(programs, program => Assert.Equal(Members.Single(member => member.File == file).Example, Path.GetFileName(program)));
        }

        using var duckdb = new DuckDBConnection("DataSource=:memory:");
        duckdb.Open();
        using var command = duckdb.CreateCommand();
        command.CommandText = $"SELECT recording, count(*) FROM read_parquet('{directory}/*/tasks.parquet', hive_partitioning = 1) GROUP BY ALL ORDER BY 1";
        using var reader = command.ExecuteReader();
        var counts = new List<(string, long)>();
        while (reader.Read())
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        Assert.Equal([("oneshot", tasksAlone["oneshot.ari"]), ("wakes", tasksAlone["a/wakes.ari"]), ("wakes-2", tasksAlone["b/wakes.ari"])], counts);
    }

    /// <summary>The tasks file's column names and its program column, read with Parquet.Net.</summary>
    private static async Task<(string[] Columns, List<string?> Programs)> TasksByParquetNet(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        var program = fields.Single(field => field.Name == "program");
        var programs = new List<string?>();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rows = reader.OpenRowGroupReader(group);
            var values = new string?[rows.RowCount];
            await rows.ReadAsync(program, values.AsMemory());
            programs.AddRange(values);
        }
        return (fields.Select(field => field.Name).ToArray(), programs);
    }

    private static Dictionary<string, long> CountsOf(string json)
    {
        var row = Assert.Single(Lines(json));
        return RecordingTables.Names.ToDictionary(table => table, table => row.GetProperty(table).GetInt64());
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
}
