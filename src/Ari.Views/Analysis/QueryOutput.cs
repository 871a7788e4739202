using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>Writes a query's rows as a table for people, JSON lines (one object per row) or CSV (RFC 4180, with a header).</summary>
public static class QueryOutput
{
    public static void WriteTable(DbDataReader reader, TextWriter output)
    {
        var table = new TextTable(Columns(reader)).RightAlign(NumberColumns(reader));
        var cells = new string?[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? "" : Text(reader.GetValue(i));
            }
            table.Add(cells);
        }
        table.WriteTo(output);
    }

    public static void WriteJson(DbDataReader reader, Stream output)
    {
        var columns = Columns(reader);
        using var lines = new JsonLines(output);
        while (reader.Read())
        {
            lines.Write(json =>
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    json.WritePropertyName(columns[i]);
                    Value(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
                }
            });
        }
    }

    public static void WriteCsv(DbDataReader reader, TextWriter output)
    {
        output.Write(string.Join(",", Columns(reader).Select(Csv)));
        output.Write("\r\n");
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }
                output.Write(reader.IsDBNull(i) ? "" : Csv(Text(reader.GetValue(i))));
            }
            output.Write("\r\n");
        }
        output.Flush();
    }

    private static string[] Columns(DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();

    /// <summary>The columns of numbers, which a table right-aligns so that their digits line up.</summary>
    private static int[] NumberColumns(DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Where(column => IsNumber(reader.GetFieldType(column))).ToArray();

    private static bool IsNumber(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
        || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(byte)
        || type == typeof(double) || type == typeof(float) || type == typeof(decimal)
        || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128);

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case long or int or short or sbyte: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong or uint or ushort or byte: json.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case double real when double.IsFinite(real): json.WriteNumberValue(real); break;
            case float real when float.IsFinite(real): json.WriteNumberValue(real); break;
            case decimal number: json.WriteNumberValue(number); break;
            // HUGEINT and friends: JSON numbers have no size limit.
            case BigInteger or Int128 or UInt128: json.WriteRawValue(Text(value), skipInputValidation: true); break;
            default: json.WriteStringValue(Text(value)); break;
        }
    }
}
