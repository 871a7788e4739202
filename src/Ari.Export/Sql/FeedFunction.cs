using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Ari.Export.Sql;

/// <summary>
/// A DuckDB table function over a <see cref="TableFeed"/>: its columns are the feed's table's, and each
/// call hands DuckDB the feed's next batch as one data chunk, waiting for it; an empty chunk ends the
/// scan. Written against DuckDB's C API, because DuckDB.NET's table functions take a row at a time as
/// .NET objects and its strings as .NET strings.
/// </summary>
internal static unsafe class FeedFunction
{
    private static int s_registered;

    /// <summary>Registers a function over <paramref name="feed"/> in the database; returns its name.</summary>
    public static string Register(DuckDBConnection connection, TableFeed feed)
    {
        var name = $"ari_feed_{Interlocked.Increment(ref s_registered)}";
        var function = NativeMethods.TableFunction.DuckDBCreateTableFunction();
        try
        {
            NativeMethods.TableFunction.DuckDBTableFunctionSetName(function, name);
            // Weak: the database keeps its functions until it closes, and a feed's batches need not live as long.
            var handle = GCHandle.ToIntPtr(GCHandle.Alloc(feed, GCHandleType.Weak));
            NativeMethods.TableFunction.DuckDBTableFunctionSetExtraInfo(function, handle, &Free);
            NativeMethods.TableFunction.DuckDBTableFunctionSetBind(function, &Bind);
            NativeMethods.TableFunction.DuckDBTableFunctionSetInit(function, &Init);
            NativeMethods.TableFunction.DuckDBTableFunctionSetFunction(function, &Produce);
            if (NativeMethods.TableFunction.DuckDBRegisterTableFunction(connection.NativeConnection, function) != DuckDBState.Success)
            {
                throw new InvalidOperationException($"DuckDB refused the table function {name}");
            }
        }
        finally
        {
            NativeMethods.TableFunction.DuckDBDestroyTableFunction(ref function);
        }
        return name;
    }

    private static TableFeed FeedOf(IntPtr handle) =>
        GCHandle.FromIntPtr(handle).Target as TableFeed ?? throw new InvalidOperationException("the feed is gone");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        try
        {
            var feed = FeedOf(NativeMethods.TableFunction.DuckDBBindGetExtraInfo(info));
            for (var column = 0; column < feed.ColumnNames.Count; column++)
            {
                using var type = NativeMethods.LogicalType.DuckDBCreateLogicalType(feed.ColumnTypes[column]);
                NativeMethods.TableFunction.DuckDBBindAddResultColumn(info, feed.ColumnNames[column], type);
            }
        }
        catch (Exception e)
        {
            NativeMethods.TableFunction.DuckDBBindSetError(info, e.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info)
    {
        // Nothing to set up: the feed is the scan's whole state.
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Produce(IntPtr info, IntPtr chunk)
    {
        try
        {
            var feed = FeedOf(NativeMethods.TableFunction.DuckDBFunctionGetExtraInfo(info));
            using var target = new DuckDBDataChunk(chunk);
            if (feed.Next() is not { } batch)
            {
                NativeMethods.DataChunks.DuckDBDataChunkSetSize(target, 0);
                return;
            }
            batch.WriteTo(target, feed.ColumnTypes);
        }
        catch (OperationCanceledException)
        {
            NativeMethods.TableFunction.DuckDBFunctionSetError(info, "the load was abandoned");
        }
        catch (Exception e)
        {
            NativeMethods.TableFunction.DuckDBFunctionSetError(info, e.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(IntPtr handle) => GCHandle.FromIntPtr(handle).Free();
}
