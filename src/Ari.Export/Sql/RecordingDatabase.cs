using System.Data.Common;
using DuckDB.NET.Data;

namespace Ari.Export.Sql;

/// <summary>
/// An embedded DuckDB database holding one recording as <see cref="RecordingTables"/>. It lives in a
/// file (a temporary one unless a path is given) with a memory limit, so a recording of tens of
/// millions of records loads without being held in memory: DuckDB writes full row groups to disk.
/// </summary>
public sealed class RecordingDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string? _temporary;

    private RecordingDatabase(string file, bool temporary, string memoryLimit)
    {
        _temporary = temporary ? file : null;
        _connection = new DuckDBConnection($"DataSource={file}");
        _connection.Open();
        Execute($"SET memory_limit = '{memoryLimit.Replace("'", "''")}'; SET preserve_insertion_order = false;");
    }

    /// <summary>A new database at <paramref name="file"/> (which must not exist), or a temporary one deleted on dispose.</summary>
    public static RecordingDatabase Create(string? file = null, string memoryLimit = "1GB")
    {
        var path = file ?? Path.Combine(Path.GetTempPath(), $"ari-{Guid.NewGuid():N}.duckdb");
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }
        var database = new RecordingDatabase(path, temporary: file is null, memoryLimit);
        database.Execute(RecordingTables.Schema);
        return database;
    }

    /// <summary>
    /// A loader to feed the recording through, filling <paramref name="tables"/> (null: every table; the
    /// others stay empty); dispose it before querying.
    /// </summary>
    public TableLoader Loader(string recordingPath, IReadOnlySet<string>? tables = null) => new(_connection, recordingPath, tables);

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
        var files = new List<string>();
        foreach (var table in RecordingTables.Names)
        {
            var file = Path.Combine(directory, table + ".parquet");
            Execute($"COPY {table} TO '{file.Replace("'", "''")}' (FORMAT parquet, COMPRESSION zstd)");
            files.Add(file);
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

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
