using System.Data.Common;
using System.Numerics;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>
/// Writes the rows of a query's last statement (a script's earlier statements prepare it, as in DuckDB's
/// shell) as a table for people, JSON lines (one object per row) or CSV (RFC 4180, with a header), each
/// value as DuckDB writes it (<see cref="QueryValues"/>).
/// </summary>
public static class QueryOutput
{
    public static void WriteTable(DbDataReader reader, TextWriter output)
    {
        var result = LastResult(reader);
        var table = new TextTable(result.Columns).RightAlign(result.NumberColumns);
        foreach (var row in result.Rows)
        {
            table.Add([.. row.Select((value, i) => QueryValues.Text(value, result.Kinds[i]))]);
        }
        table.WriteTo(output);
    }

    public static void WriteJson(DbDataReader reader, Stream output)
    {
        var result = LastResult(reader);
        using var lines = new JsonLines(output);
        foreach (var row in result.Rows)
        {
            lines.Write(json =>
            {
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(result.Columns[i]);
                    QueryValues.Json(json, row[i], result.Kinds[i]);
                }
            });
        }
    }

    public static void WriteCsv(DbDataReader reader, TextWriter output)
    {
        var result = LastResult(reader);
        output.Write(string.Join(",", result.Columns.Select(Csv)));
        output.Write("\r\n");
        foreach (var row in result.Rows)
        {
            output.Write(string.Join(",", row.Select((value, i) => Csv(QueryValues.Text(value, result.Kinds[i])))));
            output.Write("\r\n");
        }
        output.Flush();
    }

    /// <summary>
    /// The last statement's rows. A reader cannot say whether a result is the last before it moves past
    /// it, so each result is read whole, and kept only if no other follows.
    /// </summary>
    private static Result LastResult(DbDataReader reader)
    {
        while (true)
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var kinds = Enumerable.Range(0, reader.FieldCount).Select(i => QueryValues.KindOf(reader.GetDataTypeName(i))).ToArray();
            var numbers = Enumerable.Range(0, reader.FieldCount).Where(i => IsNumber(reader.GetFieldType(i))).ToArray();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            if (!reader.NextResult())
            {
                return new Result(columns, kinds, numbers, rows);
            }
        }
    }

    /// <summary>The columns of numbers, which a table right-aligns so that their digits line up.</summary>
    private static bool IsNumber(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
        || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal)
        || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128);

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private sealed record Result(string[] Columns, ColumnKind[] Kinds, int[] NumberColumns, List<object?[]> Rows);
}
