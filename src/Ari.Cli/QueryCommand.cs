using System.CommandLine;
using Ari.Export.Sql;
using Ari.Views.Analysis;
using DuckDB.NET.Data;

namespace Ari.Cli;

/// <summary><c>ari query FILE SQL</c>: the recording as tables in an embedded DuckDB, queried with SQL.</summary>
internal static class QueryCommand
{
    public static Command Create(IConsole console)
    {
        var file = AnalysisInput.File();
        var sql = new Argument<string>("sql") { Description = "The query (DuckDB's SQL); with several statements, the last one's rows are shown" };
        var format = AnalysisInput.Format("table: for people; json: one object per row; csv: with a header", "table", "json", "csv");
        var memory = new Option<string>("--memory-limit")
        {
            Description = "DuckDB's memory limit while loading and querying (e.g. 256MB, 2GB); past it DuckDB works from its file",
            DefaultValueFactory = _ => "1GB",
        };
        var command = new Command("query", """
            Loads a recording into an embedded DuckDB (a temporary file, row by row as the recording is
            read) and runs SQL over it. Tables: recording, spans, events, tasks, polls, wakes, resources,
            state_updates; times are nanoseconds since the recording's anchor; spans are told apart by
            seq because IDs are reused (docs/export-sql.md). Only the tables the query names are filled
            (the others exist, empty), so a query of tasks does not wait for every event. For many
            queries, export once with `ari export --format duckdb` and use DuckDB itself.

            Examples:
              ari query app.ari "SELECT name, self_wakes FROM tasks ORDER BY self_wakes DESC"
              ari query app.ari "SELECT class, count(*) FROM wakes WHERE op <> 'waker.drop' GROUP BY class" --format csv
            """)
        {
            file,
            sql,
            format,
            memory,
        };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            var query = result.GetRequiredValue(sql);
            using var database = RecordingDatabase.Create(memoryLimit: result.GetRequiredValue(memory));
            int exitCode;
            using (var loader = database.Loader(path, RecordingTables.NamedIn(query)))
            {
                exitCode = ExportCommand.Through(console, path, loader);
            }
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
