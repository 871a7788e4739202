using System.Data.Common;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// An embedded DuckDB database holding one recording, or a fleet of them, as <see cref="RecordingTables"/>.
/// It lives in a file (a temporary one unless a path is given) with a memory limit, so a recording of
/// tens of millions of records loads without being held in memory: DuckDB writes full row groups to disk.
/// </summary>
public sealed class RecordingDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string _file;
    private readonly string? _temporary;
    private readonly bool _fleet;

    private RecordingDatabase(string file, bool temporary, string memoryLimit, bool fleet)
    {
        _file = file;
        _temporary = temporary ? file : null;
        _fleet = fleet;
        _connection = Connect();
        Execute($"SET memory_limit = '{Quoted(memoryLimit)}'; SET preserve_insertion_order = false;");
    }

    /// <summary>
    /// A new database at <paramref name="file"/> (which must not exist), or a temporary one deleted on
    /// dispose. A <paramref name="fleet"/>'s tables start with the recording's columns (<see cref="RecordingTables.Schema"/>).
    /// </summary>
    public static RecordingDatabase Create(string? file = null, string memoryLimit = "1GB", bool fleet = false)
    {
        var path = file ?? Path.Combine(Path.GetTempPath(), $"ari-{Guid.NewGuid():N}.duckdb");
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }
        var database = new RecordingDatabase(path, temporary: file is null, memoryLimit, fleet);
        database.Execute(RecordingTables.Schema(fleet));
        return database;
    }

    /// <summary>
    /// A loader to feed the recording through, filling <paramref name="tables"/> (null: every table; the
    /// others stay empty); dispose it before querying. Each loader has a connection of its own, so
    /// the recordings of a fleet can load side by side, one a thread.
    /// </summary>
    public TableLoader Loader(NamedRecording recording, IReadOnlySet<string>? tables = null) =>
        new(Connect(), recording.Path, tables, _fleet ? recording : null);

    /// <summary>Runs SQL; the reader is over the last statement's result.</summary>
    public DbDataReader Query(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteReader();
    }

    /// <summary>Writes every table to <c>DIRECTORY/TABLE.parquet</c> with DuckDB's COPY; returns the files.</summary>
    public IReadOnlyList<string> CopyToParquet(string directory)
    {
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
        var files = new List<string>();
        foreach (var recording in recordings)
        {
            var partition = Path.Combine(directory, "recording=" + Uri.EscapeDataString(recording.Name));
            Directory.CreateDirectory(partition);
            foreach (var table in RecordingTables.Names)
            {
                var rows = $"(SELECT * EXCLUDE (recording) FROM {table} WHERE recording = '{Quoted(recording.Name)}')";
                files.Add(CopyToParquet(rows, table, partition));
            }
        }
        return files;
    }

    public void Dispose()
    {
        _connection.Dispose();
        if (_temporary is not null)
        {
            File.Delete(_temporary);
            File.Delete(_temporary + ".wal");
        }
    }

    private string CopyToParquet(string rows, string table, string directory)
    {
        var file = Path.Combine(directory, table + ".parquet");
        Execute($"COPY {rows} TO '{Quoted(file)}' (FORMAT parquet, COMPRESSION zstd)");
        return file;
    }

    /// <summary>A connection to this database (DuckDB.NET shares one database among a file's connections).</summary>
    private DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection($"DataSource={_file}");
        connection.Open();
        return connection;
    }

    private static string Quoted(string text) => text.Replace("'", "''");

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
