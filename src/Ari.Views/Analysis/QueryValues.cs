using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>
/// A query's values as DuckDB's own shell prints them (lists <c>[1, 2]</c>, structs <c>{'a': 1}</c>, maps
/// <c>{k=1}</c>, timestamps with their offset, intervals in full), and as JSON (lists as arrays, structs
/// and maps as objects). DuckDB.NET hands nested values over as .NET lists and dictionaries, whose own
/// <c>ToString</c> is only their type's name.
/// </summary>
internal static class QueryValues
{
    /// <summary>How a column's values are written, from DuckDB.NET's name for its type (<c>Map</c>, <c>TimestampTz</c>, …).</summary>
    public static ColumnKind KindOf(string typeName) =>
        typeName.Equals("Map", StringComparison.OrdinalIgnoreCase) ? ColumnKind.Map
        : typeName.Equals("TimestampTz", StringComparison.OrdinalIgnoreCase) ? ColumnKind.TimestampWithOffset
        : ColumnKind.Other;

    public static string Text(object? value, ColumnKind kind = ColumnKind.Other)
    {
        var text = new StringBuilder();
        Append(text, value, kind);
        return text.ToString();
    }

    public static void Json(Utf8JsonWriter json, object? value, ColumnKind kind = ColumnKind.Other)
    {
        switch (value)
        {
            case null or DBNull: json.WriteNullValue(); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case long or int or short or sbyte: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong or uint or ushort or byte: json.WriteNumberValue(Convert.ToUInt64(value, CultureInfo.InvariantCulture)); break;
            case double real when double.IsFinite(real): json.WriteNumberValue(real); break;
            case float real when float.IsFinite(real): json.WriteNumberValue(real); break;
            case decimal number: json.WriteNumberValue(number); break;
            // HUGEINT and friends: JSON numbers have no size limit.
            case BigInteger or Int128 or UInt128: json.WriteRawValue(Text(value), skipInputValidation: true); break;
            case IDictionary dictionary:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    json.WritePropertyName(Text(entry.Key));
                    Json(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IList list when value is not string and not byte[]:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    Json(json, item);
                }
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Text(value, kind)); break;
        }
    }

    private static void Append(StringBuilder text, object? value, ColumnKind kind, bool nested = false)
    {
        switch (value)
        {
            case null or DBNull:
                text.Append(nested ? "NULL" : "");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case DateTime time:
                if (kind == ColumnKind.TimestampWithOffset && time.Kind == DateTimeKind.Local)
                {
                    time = time.ToUniversalTime();
                }
                text.Append(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'));
                if (kind == ColumnKind.TimestampWithOffset)
                {
                    text.Append("+00");
                }
                break;
            case DateTimeOffset time:
                text.Append(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'))
                    .Append(time.Offset < TimeSpan.Zero ? '-' : '+').Append(time.Offset.ToString("hh", CultureInfo.InvariantCulture));
                break;
            case TimeSpan interval:
                AppendInterval(text, interval);
                break;
            case IDictionary dictionary:
                // DuckDB.NET makes a struct a Dictionary<string, object>; a map is typed by its keys and values.
                var isStruct = kind != ColumnKind.Map && value is Dictionary<string, object?> or Dictionary<string, object>;
                text.Append('{');
                var first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    text.Append(first ? "" : ", ");
                    first = false;
                    if (isStruct)
                    {
                        text.Append('\'').Append(entry.Key).Append("': ");
                    }
                    else
                    {
                        Append(text, entry.Key, ColumnKind.Other, nested: true);
                        text.Append('=');
                    }
                    Append(text, entry.Value, ColumnKind.Other, nested: true);
                }
                text.Append('}');
                break;
            case IList list when value is not string and not byte[]:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, list[i], ColumnKind.Other, nested: true);
                }
                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value.ToString());
                break;
        }
    }

    /// <summary>As DuckDB writes an interval: <c>2 days 01:30:00</c>, <c>01:30:00.5</c>, <c>3 days</c>.</summary>
    private static void AppendInterval(StringBuilder text, TimeSpan interval)
    {
        if (interval < TimeSpan.Zero)
        {
            text.Append('-');
            interval = interval.Negate();
        }
        var days = interval.Days;
        var time = interval - TimeSpan.FromDays(days);
        if (days != 0)
        {
            text.Append(days.ToString(CultureInfo.InvariantCulture)).Append(days == 1 ? " day" : " days");
            if (time == TimeSpan.Zero)
            {
                return;
            }
            text.Append(' ');
        }
        text.Append(((int)time.TotalHours).ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(time.Minutes.ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(time.Seconds.ToString("00", CultureInfo.InvariantCulture));
        var micros = time.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micros != 0)
        {
            text.Append('.').Append(micros.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
    }
}
