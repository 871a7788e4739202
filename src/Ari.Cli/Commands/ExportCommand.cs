using System.CommandLine;
using Ari.Export;
using Ari.Export.Otlp;
using Ari.Export.Perfetto;
using Ari.Export.Sql;
using Ari.Model;
using Ari.Tokio;
using Ari.Views;
using Ari.Views.Filtering;
using Ari.Wire;
using DuckDB.NET.Data;

namespace Ari.Cli;

/// <summary><c>ari export FILE</c>: the recording for other tools: Perfetto, Parquet, DuckDB, or an OTLP receiver.</summary>
internal static class ExportCommand
{
    public static Command Create(IConsole console)
    {
        var files = FleetInput.Recordings();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "perfetto: Chrome trace-event JSON for ui.perfetto.dev and chrome://tracing; perfetto-proto: Perfetto's own protobuf trace (.pftrace), smaller and faster to open in ui.perfetto.dev; parquet: a directory of one .parquet file per table (of a fleet: OUT/recording=NAME/TABLE.parquet); duckdb: a DuckDB database file",
        };
        format.AcceptOnlyFromAmong("perfetto", "perfetto-proto", "parquet", "duckdb");
        var output = new Option<string?>("--output", "-o") { Description = "The file (perfetto: - for stdout; duckdb) or directory (parquet) to write" };
        var otlp = new Option<string?>("--otlp") { Description = "Send spans, events, polls and wakes to an OpenTelemetry receiver at this URL (HTTP/protobuf; /v1/traces is added to a URL without a path)" };
        var grpc = new Option<bool>("--grpc") { Description = "With --otlp: use OTLP/gRPC instead of HTTP/protobuf" };
        var service = new Option<string?>("--service") { Description = "With --otlp: the service.name to report (default: the recording's file name)" };
        var command = new Command("export", """
            Writes a recording for other tools, in one streaming pass:
              perfetto  a track per thread and per task, polls and idle/scheduled gaps as slices, wakes as
                        arrows from the waking task (or thread) to the woken task's next poll, resource
                        attributes as counters (docs/export-perfetto.md); tasks share lanes
                        past the first 256, and the view filters pick what is drawn
              perfetto-proto  the same timeline in Perfetto's own protobuf format, for big traces
              parquet   the tables of `ari query` (spans, events, tasks, polls, wakes, resources,
                        state_updates, recording), one .parquet file each (docs/export-sql.md)
              duckdb    the same tables in a DuckDB database file, for repeated queries
              --otlp    OpenTelemetry spans: tracing spans, task polls as child spans, wakes as links (docs/export-otlp.md)

            Parquet and DuckDB also take a fleet: several recordings, or a quoted pattern (* and ?),
            loaded as `ari query` loads them. Parquet then writes one hive-partitioned dataset,
            OUT/recording=NAME/TABLE.parquet, which DuckDB and Spark read as one table.

            Examples:
              ari export app.ari --format perfetto -o app.json
              ari export app.ari --format perfetto -o t7.json --task 7 --since +1s --until +2s
              ari export app.ari --format perfetto-proto -o app.pftrace
              ari export app.ari --format parquet -o app-tables/
              ari export 'recs/*.ari' --format parquet -o fleet/     # read_parquet('fleet/*/tasks.parquet', hive_partitioning=1)
              ari export app.ari --otlp http://127.0.0.1:4318
            """)
        {
            files,
            format,
            output,
            otlp,
            grpc,
            service,
        };
        var filters = new ViewOptions();
        filters.AddFiltersTo(command);
        AnalysisInput.SetAction(command, result =>
        {
            var fleet = FleetInput.Expand(result.GetRequiredValue(files));
            var filter = filters.BuildFilter(result);
            if (filter is not null && result.GetValue(format) is not ("perfetto" or "perfetto-proto"))
            {
                throw new UserError("export: --kind, --target, --level, --task, --span, --since and --until apply to --format perfetto and perfetto-proto only");
            }
            if (result.GetValue(otlp) is { } url)
            {
                if (result.GetValue(format) is not null)
                {
                    throw new UserError("export: give --format or --otlp, not both");
                }
                var path = OneRecording(fleet, "--otlp");
                return ToOtlp(console, path, url, result.GetValue(grpc), result.GetValue(service) ?? Path.GetFileNameWithoutExtension(path));
            }
            var chosen = result.GetValue(format) ?? throw new UserError("export: give --format perfetto|perfetto-proto|parquet|duckdb with -o, or --otlp URL");
            var target = result.GetValue(output) ?? throw new UserError($"export: --format {chosen} needs -o");
            return chosen switch
            {
                "perfetto" => ToPerfetto(console, OneRecording(fleet, "--format perfetto"), target, filter, stream => anchor => new TraceEventWriter(stream, anchor)),
                "perfetto-proto" => ToPerfetto(console, OneRecording(fleet, "--format perfetto-proto"), target, filter, stream => _ => new TracePacketWriter(stream)),
                _ => ToDatabase(console, fleet, target, parquet: chosen == "parquet"),
            };
        });
        return command;
    }

    /// <summary>One pass of the recording through an exporter; returns the exit code the recording's end means.</summary>
    public static int Through(IConsole console, string path, IRecordingExporter exporter)
    {
        var exitCode = RecordingReader.Read(path, exporter, console.Error);
        exporter.Finish();
        return exitCode;
    }

    private static int ToPerfetto(IConsole console, string path, string target, EntryFilter? filter, Func<Stream, Func<ulong, ITimelineWriter>> format)
    {
        using var stream = target == "-" ? console.OpenStandardOutput() : Create(target);
        using var exporter = new PerfettoExporter(format(new BufferedStream(stream, 1 << 16)), Shown(filter));
        return Through(console, path, exporter);
    }

    /// <summary>The views' filter, asked about every entry in order as <c>ari show</c> asks it (its offsets count from the first record).</summary>
    private static Func<TraceEntry, Replay, bool>? Shown(EntryFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }
        var kinds = new CallsiteMap<InstrumentationKind>(Instrumentation.KindOf);
        return (entry, replay) => filter.Matches(entry, new EntryFacts(replay, kinds[entry.Callsite], Wake: null));
    }

    private static string OneRecording(RecordingFleet fleet, string format) => fleet.IsFleet
        ? throw new UserError($"export: {format} takes one recording; a fleet goes to --format parquet or duckdb")
        : fleet.Recordings[0].Path;

    private static int ToDatabase(IConsole console, RecordingFleet fleet, string target, bool parquet)
    {
        if (!parquet && File.Exists(target))
        {
            throw new UserError($"export: {target} exists already");
        }
        using var database = RecordingDatabase.Create(parquet ? null : target, FleetInput.DefaultMemoryLimit(fleet), fleet.IsFleet);
        var exitCode = FleetInput.Load(console, database, fleet, tables: null);
        try
        {
            if (parquet && fleet.IsFleet)
            {
                database.CopyToHivePartitions(target, fleet.Recordings);
            }
            else if (parquet)
            {
                database.CopyToParquet(target);
            }
        }
        catch (DuckDBException e)
        {
            // Its first line says what failed; the lines after it suggest settings of DuckDB's that ari sets itself.
            throw new UserError($"export: writing Parquet with DuckDB: {e.Message.Split('\n')[0]}");
        }
        return exitCode;
    }

    private static int ToOtlp(IConsole console, string path, string url, bool grpc, string serviceName)
    {
        OtlpTarget target;
        try
        {
            target = OtlpTarget.Parse(url, grpc);
        }
        catch (FormatException e)
        {
            throw new UserError($"export: --otlp: {e.Message}");
        }
        using var exporter = new OtlpExporter(target, serviceName);
        var exitCode = Through(console, path, exporter);
        if (exporter.Failed > 0)
        {
            throw new UserError($"export: the OTLP receiver at {target.Endpoint} did not take {exporter.Failed} of {exporter.Sent + exporter.Failed} spans");
        }
        console.Error.WriteLine($"ari: sent {exporter.Sent} spans to {target.Endpoint}");
        return exitCode;
    }

    private static FileStream Create(string target)
    {
        try
        {
            return File.Create(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot write {target}: {e.Message}");
        }
    }
}
