using System.Collections.Concurrent;

namespace Ari.Export.Sql;

/// <summary>
/// Where a database in memory keeps the tables it loads: each recording's rows stream into Parquet files
/// of its own (<c>DIRECTORY/N/TABLE/data_I.parquet</c>), and once loading is over each table is a view
/// over its files. An insert into DuckDB's tables held every column's block of every table pinned at
/// once and spilled the rest uncompressed (a hyper server's ten-times recording: 230 MB of tables, 185
/// MiB at the peak); a Parquet writer holds a row group a table, and its files took 27 MB on disk
/// (bench/limits.md).
/// </summary>
internal sealed class ParquetStage(string directory)
{
    /// <summary>
    /// Rows a row group: small, because the writer holds a row group a table in memory while it fills
    /// it and every table of every recording loading fills one at once (4,096 rows: 10 MB less at the peak
    /// than 16,384; past 16,384 the peak grows fast).
    /// </summary>
    private const int RowGroupRows = 4096;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _files = new();
    private int _recordings;

    /// <summary>Where the next recording's tables go: a folder of their own.</summary>
    public ITableDestination NextRecording()
    {
        var folder = Path.Combine(directory, Interlocked.Increment(ref _recordings).ToString());
        Directory.CreateDirectory(folder);
        return new StagedRecording(this, folder);
    }

    /// <summary>Statements that turn each staged table into a view over its files (the tables with none stay as they are).</summary>
    public string Views() => string.Concat(_files.Where(table => !table.Value.IsEmpty).Select(table =>
        $"DROP TABLE {table.Key}; CREATE VIEW {table.Key} AS SELECT * FROM read_parquet([{string.Join(", ", table.Value.Select(SqlLiteral.Of))}]);"));

    /// <summary>
    /// A recording's tables, a folder of files each. Snappy: the files are read once or twice, then
    /// deleted, so speed matters more than size. A new file every <see cref="FileBytes"/>: DuckDB's
    /// Parquet writer holds more the larger its file grows (events of a 7.3 M-record recording: 8 MB more
    /// in one file than in files of 8 MB; bench/limits.md). A table's files count once its copy has
    /// ended well: a load given up leaves its tables as they were.
    /// </summary>
    private sealed class StagedRecording(ParquetStage stage, string folder) : ITableDestination
    {
        private const string FileBytes = "8MB";

        public string Write(string table, string rows) =>
            $"COPY (SELECT * FROM {rows}) TO {SqlLiteral.Of(FolderOf(table))} " +
            $"(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE {RowGroupRows}, FILE_SIZE_BYTES '{FileBytes}')";

        public void Written(string table)
        {
            var files = stage._files.GetOrAdd(table, _ => new ConcurrentQueue<string>());
            // A table with no rows may leave no file at all.
            if (Directory.Exists(FolderOf(table)))
            {
                foreach (var file in Directory.EnumerateFiles(FolderOf(table), "*.parquet").Order())
                {
                    files.Enqueue(file);
                }
            }
        }

        private string FolderOf(string table) => Path.Combine(folder, table);
    }
}
