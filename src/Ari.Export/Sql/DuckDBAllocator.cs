using System.Runtime.InteropServices;

namespace Ari.Export.Sql;

/// <summary>
/// DuckDB's allocator on Linux, the jemalloc built into its library, keeps the pages it frees for a
/// second before giving them back, in an arena for each of the threads that load tables, so a load
/// that writes and frees row groups quickly held 20 MB of freed pages at its peak (a hyper server's
/// ten-times recording, bench/limits.md). Told to give them back at once, it costs no time that the
/// loads measured. jemalloc reads its settings from the environment when DuckDB first allocates, so
/// they must be set before the library loads; a user's own setting wins.
/// </summary>
internal static partial class DuckDBAllocator
{
    private const string Settings = "DUCKDB_JE_MALLOC_CONF";

    public static void ReturnFreedPagesAtOnce()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Settings) is null)
        {
            // The process's own environment, which the library reads, not .NET's copy of it.
            _ = SetEnvironment(Settings, "dirty_decay_ms:0,muzzy_decay_ms:0", overwrite: 0);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
