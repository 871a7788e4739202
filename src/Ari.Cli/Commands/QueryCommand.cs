using System.CommandLine;
using Ari.Export.Sql;
using Ari.Views.Analysis;
using DuckDB.NET.Data;

namespace Ari.Cli;

/// <summary>
/// <c>ari query FILE… SQL</c>: the recording, or a fleet of recordings (several files, or patterns), as
/// tables in an embedded DuckDB, queried with SQL.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(IConsole console)
    {
        var files = FleetInput.Recordings();
        // The recordings are as many as are given, save the last argument: that is the SQL.
        files.CustomParser = result =>
        {
            var recordings = result.Tokens.Count - 1;
            result.OnlyTake(recordings);
            if (recordings < 1)
            {
                result.AddError("query: give the recordings, then the SQL");
            }
            return result.Tokens.Take(recordings).Select(token => token.Value).ToArray();
        };
        var sql = new Argument<string>("sql") { Description = "The query (DuckDB's SQL); with several statements, the last one's rows are shown" };
        var format = AnalysisInput.Format("table: for people; json: one object per row; csv: with a header", "table", "json", "csv");
        var memory = new Option<string?>("--memory-limit")
        {
            Description = "DuckDB's memory limit while loading and querying (e.g. 256MB, 2GB; default 48MB for each recording loading at once); past it a query spills to a temporary directory",
        };
        var command = new Command("query", """
            Loads a recording into an embedded DuckDB (each table streamed into a temporary Parquet
            file as the recording is read) and runs SQL over it. Tables: recording, spans, events,
            tasks, polls, wakes, resources, state_updates; times are nanoseconds since the recording's
            anchor; spans are told apart by seq because IDs are reused (docs/export-sql.md). Only the
            tables the query names are filled (the others exist, empty), so a query of tasks does not
            wait for every event. For many queries, export once with `ari export --format duckdb` and
            use DuckDB itself.

            Several recordings, or a quoted pattern (* and ?, expanded by ari), load as one fleet,
            side by side as cores allow: every table then starts with the columns recording (the file
            name without extension, made unique), program and pid (from the recording's stream). The
            SQL is the last argument.

            Examples:
              ari query app.ari "SELECT name, self_wakes FROM tasks ORDER BY self_wakes DESC"
              ari query app.ari "SELECT class, count(*) FROM wakes WHERE op <> 'waker.drop' GROUP BY class" --format csv
              ari query 'recs/*.ari' "SELECT recording, count(*) FROM tasks GROUP BY ALL"
            """)
        {
            files,
            sql,
            format,
            memory,
        };
        AnalysisInput.SetAction(command, result =>
        {
            var fleet = FleetInput.Expand(result.GetRequiredValue(files));
            var query = result.GetRequiredValue(sql);
            using var database = RecordingDatabase.Create(null, result.GetValue(memory) ?? FleetInput.DefaultMemoryLimit(fleet), fleet.IsFleet);
            var exitCode = FleetInput.Load(console, database, fleet, RecordingTables.NamedIn(query));
            try
            {
                using var reader = database.Query(query);
                switch (result.GetRequiredValue(format))
                {
                    case "json":
                        AnalysisInput.ToStdout(console, stream => QueryOutput.WriteJson(reader, stream));
                        break;
                    case "csv":
                        AnalysisInput.ToStdout(console, writer => QueryOutput.WriteCsv(reader, writer));
                        break;
                    default:
                        AnalysisInput.ToStdout(console, writer => QueryOutput.WriteTable(reader, writer));
                        break;
                }
            }
            catch (DuckDBException e)
            {
                throw new UserError($"query: {e.Message}");
            }
            return exitCode;
        });
        return command;
    }
}
