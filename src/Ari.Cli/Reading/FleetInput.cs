using System.CommandLine;
using System.Runtime.ExceptionServices;
using Ari.Export.Sql;
using DuckDB.NET.Data;

namespace Ari.Cli;

/// <summary>What the commands that take a fleet of recordings share: the argument, its patterns, and the load.</summary>
internal static class FleetInput
{
    /// <summary>The recordings argument of the commands that take a fleet: files and patterns.</summary>
    public static Argument<string[]> Recordings() => new("files")
    {
        Description = "The recordings (from ari record): files, or quoted patterns (* and ?) that ari expands",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>The recordings <paramref name="arguments"/> name, patterns expanded.</summary>
    public static RecordingFleet Expand(IReadOnlyList<string> arguments)
    {
        try
        {
            return RecordingFleet.Expand(arguments);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(e.Message);
        }
    }

    /// <summary>
    /// DuckDB's memory limit unless one is given: 48 MB for each recording loading at once. The load
    /// itself stays far below it (each table's rows stream into a Parquet writer that holds a row group
    /// of 4,096 rows, Ari.Export's <c>ParquetStage</c>); it is the room a query's joins, sorts and groups
    /// get before they spill to the temporary directory.
    /// </summary>
    public static string DefaultMemoryLimit(RecordingFleet fleet) => $"{48 * LoadingAtOnce(fleet)}MB";

    /// <summary>
    /// Loads a fleet into the database, a loader a recording, as many at once as there are cores; each
    /// recording's end is reported as one recording's is. Returns the exit code of the first recording,
    /// in the fleet's order, that did not end well; 0 when all did.
    /// </summary>
    public static int Load(IConsole console, RecordingDatabase database, RecordingFleet fleet, IReadOnlySet<string>? tables)
    {
        var recordings = fleet.Recordings;
        var exitCodes = new int[recordings.Count];
        var error = TextWriter.Synchronized(console.Error);
        try
        {
            Parallel.For(0, recordings.Count, new ParallelOptions { MaxDegreeOfParallelism = LoadingAtOnce(fleet) }, i =>
            {
                using var loader = database.Loader(recordings[i], tables);
                exitCodes[i] = RecordingReader.Read(recordings[i].Path, loader, error);
                loader.Finish();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is DuckDBException duckdb)
        {
            // Its first line says what failed (past the memory limit, how much was in use); the lines after
            // it suggest settings of DuckDB's that ari sets itself.
            throw new UserError($"loading into DuckDB: {duckdb.Message.Split('\n')[0]}");
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return exitCodes.FirstOrDefault(code => code != ExitCodes.Ok);
    }

    private static int LoadingAtOnce(RecordingFleet fleet) => Math.Min(Environment.ProcessorCount, fleet.Recordings.Count);
}
