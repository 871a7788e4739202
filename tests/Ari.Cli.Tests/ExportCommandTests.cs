using System.Text.Json;
using Ari.Export.Sql;
using Ari.Testing;
using DuckDB.NET.Data;

namespace Ari.Cli.Tests;

/// <summary><c>ari export</c> and <c>ari query</c> as a user runs them, held against <c>ari tasks</c> and <c>ari wakes</c>.</summary>
public sealed class ExportCommandTests
{
    [Theory]
    [InlineData("wakes")]
    [InlineData("handoff")]
    public void Perfetto_export_has_the_polls_of_ari_tasks_and_the_wakes_of_ari_wakes(string example)
    {
        var recording = Examples.Recorded(example).Recording;
        var file = Examples.ScratchFile(example + ".json");
        InProcessAri.Ok("export", recording, "--format", "perfetto", "-o", file);
        var trace = new TraceEvents(File.ReadAllBytes(file));

        foreach (var task in Lines(InProcessAri.Ok("tasks", recording, "--format", "json")))
        {
            // Tasks are named by Tokio's task ID: "receiver (task 3)", or "task 7" when unnamed.
            var kindAndId = $"{task.GetProperty("kind").GetString()} {task.GetProperty("task_id").GetUInt64()}";
            var label = task.GetProperty("name").GetString() is { Length: > 0 } name ? $"{name} ({kindAndId})" : kindAndId;
            var track = trace.TaskTrack(task.GetProperty("runtime").GetBoolean() ? label + " (runtime)" : label);
            var polls = trace.On(track, "poll").ToList();
            Assert.Equal(task.GetProperty("polls").GetProperty("raw").GetInt64(), polls.Count);
            Assert.Equal(task.GetProperty("busy_ns").GetUInt64(), polls.Aggregate(0UL, (sum, poll) => sum + (poll.End - poll.Start)));
        }
        var latencies = Lines(InProcessAri.Ok("wakes", recording, "--format", "json"))
            .Where(wake => wake.GetProperty("latency_ns").ValueKind == JsonValueKind.Number)
            .Select(wake => wake.GetProperty("latency_ns").GetUInt64()).Order();
        Assert.Equal(latencies, trace.Arrows().Select(arrow => arrow.To.At - arrow.From.At).Order());
    }

    [Theory]
    [InlineData("workers")]
    [InlineData("handoff")]
    public void Query_gives_each_tasks_polls_and_wakes_as_ari_tasks_does(string example)
    {
        var recording = Examples.Recorded(example).Recording;
        var expected = Lines(InProcessAri.Ok("tasks", recording, "--format", "json")).Select(task => (
            task.GetProperty("id").GetUInt64(), task.GetProperty("polls").GetProperty("corrected").GetInt64(),
            task.GetProperty("wakes").GetProperty("self").GetInt64(), task.GetProperty("wakes").GetProperty("runtime").GetInt64(),
            task.GetProperty("wakes").GetProperty("task").GetInt64(), task.GetProperty("wakes").GetProperty("outside").GetInt64()));

        var rows = Lines(InProcessAri.Ok("query", recording, "SELECT id, polls, self_wakes, runtime_wakes, task_wakes, outside_wakes FROM tasks ORDER BY seq", "--format", "json"))
            .Select(row => (row.GetProperty("id").GetUInt64(), row.GetProperty("polls").GetInt64(), row.GetProperty("self_wakes").GetInt64(),
                row.GetProperty("runtime_wakes").GetInt64(), row.GetProperty("task_wakes").GetInt64(), row.GetProperty("outside_wakes").GetInt64()));

        // ari tasks writes each task as it ends, the query orders by creation: the same rows either way.
        Assert.Equal(expected.Order(), rows.Order());
    }

    [Theory]
    [InlineData("workers")]
    [InlineData("handoff")]
    public void Query_gives_each_tasks_latency_percentiles_as_ari_tasks_does(string example)
    {
        var recording = Examples.Recorded(example).Recording;
        string[] figures = ["p50", "p90", "p99", "max"];
        var tasks = Lines(InProcessAri.Ok("tasks", recording, "--format", "json")).ToList();
        Assert.All(tasks, task => Assert.Equal(task.GetProperty("longest_poll_ns").GetUInt64(),
            task.GetProperty("poll_duration_ns").GetProperty("max").GetUInt64()));
        var expected = tasks.Select(task => string.Join(",", figures.Select(figure => task.GetProperty("poll_duration_ns").GetProperty(figure).GetRawText())
            .Concat(figures.Select(figure => task.GetProperty("scheduled_delay_ns").GetProperty(figure).GetRawText())).Prepend(task.GetProperty("id").GetRawText())));

        var columns = figures.Select(figure => $"poll_{figure}_ns").Concat(figures.Select(figure => $"scheduled_{figure}_ns")).Prepend("id").ToList();
        var rows = Lines(InProcessAri.Ok("query", recording, $"SELECT {string.Join(", ", columns)} FROM tasks", "--format", "json"))
            .Select(row => string.Join(",", columns.Select(column => row.GetProperty(column).GetRawText())));

        Assert.Equal(expected.Order(), rows.Order());
    }

    [Fact]
    public void Query_over_the_wakes_table_counts_what_ari_wakes_lists()
    {
        var recording = Examples.Recorded("wakes").Recording;
        var expected = Lines(InProcessAri.Ok("wakes", recording, "--format", "json"))
            .GroupBy(wake => (wake.GetProperty("task").GetUInt64(), wake.GetProperty("class").GetString()))
            .Select(group => $"{group.Key.Item1},{group.Key.Item2},{group.Count()}").Order();

        var csv = InProcessAri.Ok("query", recording, "SELECT task_id, class, count(*) AS n FROM wakes WHERE op <> 'waker.drop' GROUP BY ALL", "--format", "csv")
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("task_id,class,n", csv[0]);
        Assert.Equal(expected, csv[1..].Order());
    }

    [Fact]
    public void A_query_fills_each_table_it_names_as_a_query_naming_every_table_does()
    {
        var recording = Examples.Recorded("oneshot").Recording;
        var everyTable = string.Join(", ", RecordingTables.Names.Select(table => $"(SELECT count(*) FROM {table})"));

        var together = InProcessAri.Ok("query", recording, $"SELECT {everyTable}", "--format", "csv").Split("\r\n")[1].Split(',');
        var alone = RecordingTables.Names.Select(table => InProcessAri.Ok("query", recording, $"SELECT count(*) FROM {table}", "--format", "csv").Split("\r\n")[1]);
        // A query that names no table sees them all, empty but for the recording's own row.
        var unnamed = InProcessAri.Ok("query", recording, "SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY table_name", "--format", "csv");

        Assert.Equal(together, alone);
        Assert.DoesNotContain("0", together);
        Assert.Equal(
            "table_name,estimated_size\r\n" + string.Concat(RecordingTables.Names.Order().Select(table => $"{table},{(table == "recording" ? 1 : 0)}\r\n")),
            unnamed);
    }

    [Fact]
    public void A_bad_query_is_duckdbs_message_and_exit_code_1()
    {
        var result = InProcessAri.Run("query", Examples.Recorded("spinner").Recording, "SELECT nothing FROM nowhere");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("ari: query: Catalog Error: Table with name nowhere", result.Stderr);
        Assert.DoesNotContain(" at ", result.Stderr);
    }

    [Fact]
    public void Parquet_export_writes_every_table_and_duckdb_reads_them_back()
    {
        var recording = Examples.Recorded("oneshot").Recording;
        var directory = Examples.ScratchFile("parquet");
        InProcessAri.Ok("export", recording, "--format", "parquet", "-o", directory);
        var tasks = Lines(InProcessAri.Ok("tasks", recording, "--format", "json")).Count;

        Assert.Equal(["events", "polls", "recording", "resources", "spans", "state_updates", "tasks", "wakes"],
            Directory.GetFiles(directory).Select(Path.GetFileNameWithoutExtension).Order());
        using var duckdb = new DuckDBConnection("DataSource=:memory:");
        duckdb.Open();
        using var command = duckdb.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{Path.Combine(directory, "tasks.parquet")}')";
        Assert.Equal(tasks, Convert.ToInt32(command.ExecuteScalar()));
    }

    [Fact]
    public void DuckDB_export_writes_a_file_with_every_table_as_ari_query_loads_them()
    {
        var recording = Examples.Recorded("oneshot").Recording;
        var file = Examples.ScratchFile("oneshot.duckdb");
        InProcessAri.Ok("export", recording, "--format", "duckdb", "-o", file);
        // Rows and their values with their types, whatever the order: the file's tables are inserted into,
        // the query's are views over staged Parquet files.
        var everyTable = string.Join(", ", RecordingTables.Names.Select(table => $"(SELECT count(*) || ' ' || coalesce(sum(hash(r)), 0) FROM {table} r)"));
        var queried = InProcessAri.Ok("query", recording, $"SELECT {everyTable}", "--format", "csv").Split("\r\n")[1];

        using var duckdb = new DuckDBConnection($"DataSource={file}");
        duckdb.Open();
        using var command = duckdb.CreateCommand();
        command.CommandText = $"SELECT concat_ws(',', {everyTable})";
        Assert.Equal(queried, command.ExecuteScalar());
        Assert.Contains("exists already", InProcessAri.Run("export", recording, "--format", "duckdb", "-o", file).Stderr);
    }

    [Fact]
    public void Export_without_a_format_or_output_says_what_is_missing()
    {
        var recording = Examples.Recorded("spinner").Recording;

        Assert.Contains("--format", InProcessAri.Run("export", recording).Stderr);
        Assert.Contains("needs -o", InProcessAri.Run("export", recording, "--format", "perfetto").Stderr);
        Assert.Equal(1, InProcessAri.Run("export", recording, "--otlp", "not a url").ExitCode);
    }

    [Fact]
    public void Query_writes_lists_structs_maps_timestamps_and_intervals_as_duckdb_does()
    {
        var recording = Examples.Recorded("spinner").Recording;
        const string Sql = "SELECT [1.5, 2.0] AS l, {'a': 1, 'b': 'x'} AS s, MAP {'k': 1} AS m, ['a', NULL] AS n, "
            + "TIMESTAMPTZ '2024-01-30 15:43:24.01+00' AS t, INTERVAL 2 DAY + INTERVAL 90 MINUTE AS i";

        var table = InProcessAri.Ok("query", recording, Sql).Split('\n');
        var json = Assert.Single(Lines(InProcessAri.Ok("query", recording, Sql, "--format", "json")));
        var csv = InProcessAri.Ok("query", recording, Sql, "--format", "csv").Split("\r\n");

        Assert.Matches(@"^  \[1\.5, 2\.0\] +\{'a': 1, 'b': x\} +\{k=1\} +\[a, NULL\] +2024-01-30 15:43:24\.01\+00 +2 days 01:30:00$", table[2]);
        Assert.Equal("[1.5,2.0]", json.GetProperty("l").GetRawText());
        Assert.Equal("""{"a":1,"b":"x"}""", json.GetProperty("s").GetRawText());
        Assert.Equal("""{"k":1}""", json.GetProperty("m").GetRawText());
        Assert.Equal("""["a",null]""", json.GetProperty("n").GetRawText());
        Assert.Equal("2024-01-30 15:43:24.01+00", json.GetProperty("t").GetString());
        Assert.Equal("2 days 01:30:00", json.GetProperty("i").GetString());
        Assert.Equal("\"[1.5, 2.0]\",\"{'a': 1, 'b': x}\",{k=1},\"[a, NULL]\",2024-01-30 15:43:24.01+00,2 days 01:30:00", csv[1]);
    }

    [Fact]
    public void Query_with_several_statements_prints_the_last_ones_rows_and_needs_no_quoted_columns()
    {
        var recording = Examples.Recorded("oneshot").Recording;

        var rows = Lines(InProcessAri.Ok("query", recording,
            "CREATE TABLE x AS SELECT count(*) AS n FROM state_updates; SELECT 1 AS first; SELECT n, (SELECT count(new_value) FROM state_updates) AS values FROM x",
            "--format", "json"));

        var row = Assert.Single(rows);
        Assert.False(row.TryGetProperty("first", out _));
        Assert.True(row.GetProperty("n").GetInt64() > 0);
        Assert.Equal(row.GetProperty("n").GetInt64(), row.GetProperty("values").GetInt64());
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
}
