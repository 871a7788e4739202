using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// An embedded DuckDB database holding one recording, or a fleet of them, as <see cref="RecordingTables"/>.
/// A database for one command lives in memory, its tables streamed into Parquet files in a temporary
/// directory and read from there (<see cref="ParquetStage"/>), so a recording of tens of millions of
/// records loads without being held in memory, and nothing is written twice (a database file is written
/// to its log, then compressed at each checkpoint); a database file to keep is written as DuckDB writes
/// files.
/// </summary>
public sealed class RecordingDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string? _file;
    private readonly string? _spillDirectory;
    private readonly ParquetStage? _stage;
    private readonly PosixSignalRegistration[] _interrupts = [];
    /// <summary>Every connection the loaders opened, to stop their statements when the process is interrupted.</summary>
    private readonly ConcurrentBag<DuckDBConnection> _loaderConnections = [];
    private readonly bool _fleet;
    private bool _loading = true;

    static RecordingDatabase() => DuckDBAllocator.ReturnFreedPagesAtOnce();

    private RecordingDatabase(string? file, string memoryLimit, bool fleet)
    {
        _fleet = fleet;
        _file = file;
        _connection = new DuckDBConnection(_file is null ? "DataSource=:memory:" : $"DataSource={_file}");
        _connection.Open();
        // While recordings load, each table's statement runs on the thread that feeds it, waiting there for
        // rows (TableFeed); with worker threads, that thread would spin while a worker ran its scan.
        // Queries and copies get every core back (Loaded). The staged files are read once or twice: DuckDB's
        // cache of what it reads from files would keep them in memory up to its limit (30 MB more at the
        // peak of exporting a long recording).
        var settings = $"SET memory_limit = {SqlLiteral.Of(memoryLimit)}; SET preserve_insertion_order = false; SET threads = 1; SET enable_external_file_cache = false;";
        if (file is null)
        {
            _spillDirectory = Path.Combine(Path.GetTempPath(), $"ari-{Guid.NewGuid():N}.tmp");
            settings += $" SET temp_directory = {SqlLiteral.Of(_spillDirectory)};";
            _stage = new ParquetStage(Path.Combine(_spillDirectory, "tables"));
            // Ctrl-C or a kill ends the process where it stands, without disposing anything: the staged
            // tables (tens of MB for a long recording) would stay in the temporary directory.
            _interrupts = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => Interrupted()))];
        }
        Execute(settings);
    }

    /// <summary>
    /// A new database at <paramref name="file"/> (which must not exist), or one in memory, gone on
    /// dispose. A <paramref name="fleet"/>'s tables start with the recording's columns (<see cref="RecordingTables.Schema"/>).
    /// </summary>
    public static RecordingDatabase Create(string? file, string memoryLimit, bool fleet)
    {
        if (File.Exists(file))
        {
            throw new IOException($"{file} exists already");
        }
        var database = new RecordingDatabase(file, memoryLimit, fleet);
        database.Execute(RecordingTables.Schema(fleet));
        return database;
    }

    /// <summary>
    /// A loader to feed the recording through, filling <paramref name="tables"/> (null: every table; the
    /// others stay empty); dispose it before querying. Each loader has a connection of its own, so
    /// the recordings of a fleet can load side by side, one a thread.
    /// </summary>
    public TableLoader Loader(NamedRecording recording, IReadOnlySet<string>? tables = null) =>
        new(Connect, _stage?.NextRecording() ?? InsertIntoTables.Instance, recording.Path, tables, _fleet ? recording : null);

    /// <summary>Runs SQL; the reader is over the last statement's result.</summary>
    public DbDataReader Query(string sql)
    {
        Loaded();
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader();
    }

    /// <summary>Writes every table to <c>DIRECTORY/TABLE.parquet</c> with DuckDB's COPY; returns the files.</summary>
    public IReadOnlyList<string> CopyToParquet(string directory)
    {
        Loaded();
        Directory.CreateDirectory(directory);
        return RecordingTables.Names.Select(table => CopyToParquet(table, table, directory)).ToList();
    }

    /// <summary>
    /// Writes a fleet as one hive-partitioned dataset, <c>DIRECTORY/recording=NAME/TABLE.parquet</c>, which
    /// DuckDB, Spark and Trino read as one table with a <c>recording</c> column taken from the folder
    /// (so the files leave it out: Spark refuses a column that is in both). Names are percent-encoded
    /// in folder names as those readers decode them. Returns the files.
    /// </summary>
    public IReadOnlyList<string> CopyToHivePartitions(string directory, IEnumerable<NamedRecording> recordings)
    {
        Loaded();
        var files = new List<string>();
        foreach (var recording in recordings)
        {
            var partition = Path.Combine(directory, "recording=" + Uri.EscapeDataString(recording.Name));
            Directory.CreateDirectory(partition);
            foreach (var table in RecordingTables.Names)
            {
                var rows = $"(SELECT * EXCLUDE (recording) FROM {table} WHERE recording = {SqlLiteral.Of(recording.Name)})";
                files.Add(CopyToParquet(rows, table, partition));
            }
        }
        return files;
    }

    public void Dispose()
    {
        foreach (var interrupt in _interrupts)
        {
            interrupt.Dispose();
        }
        _connection.Dispose();
        RemoveSpillDirectory();
    }

    /// <summary>
    /// Before the process ends on a signal: stops the statements that write into the temporary directory,
    /// then removes it, again while they still get a file in (each stops at its next chunk), for up to a
    /// second; the process then ends as the signal says.
    /// </summary>
    private void Interrupted()
    {
        foreach (var connection in _loaderConnections.Append(_connection))
        {
            try
            {
                connection.NativeConnection?.Interrupt();
            }
            catch (ObjectDisposedException)
            {
                // A loader's connection, closed with its load.
            }
        }
        for (var attempt = 0; attempt < 100 && Directory.Exists(_spillDirectory); attempt++)
        {
            try
            {
                RemoveSpillDirectory();
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
        }
    }

    private void RemoveSpillDirectory()
    {
        if (_spillDirectory is not null && Directory.Exists(_spillDirectory))
        {
            Directory.Delete(_spillDirectory, recursive: true);
        }
    }

    /// <remarks>
    /// Row groups of 16,384 rows, not DuckDB's 122,880: the writer holds a row group a thread in memory
    /// while it compresses it, and at the load's memory limit (a few tens of MB a recording) the default's
    /// buffers of a long recording's events did not fit ("Out of Memory Error", http 90).
    /// </remarks>
    private string CopyToParquet(string rows, string table, string directory)
    {
        var file = Path.Combine(directory, table + ".parquet");
        Execute($"COPY {rows} TO {SqlLiteral.Of(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)");
        return file;
    }

    /// <summary>Another connection to this database (DuckDB.NET shares one database among a file's connections).</summary>
    private DuckDBConnection Connect()
    {
        var connection = _file is null ? _connection.Duplicate() : new DuckDBConnection($"DataSource={_file}");
        connection.Open();
        _loaderConnections.Add(connection);
        return connection;
    }

    private void Loaded()
    {
        if (_loading)
        {
            Execute("RESET threads");
            if (_stage?.Views() is { Length: > 0 } views)
            {
                Execute(views);
            }
            _loading = false;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
