using System.Text.Json;

namespace Ari.Cli.Tests;

/// <summary>
/// Compares ari's JSON lines with the reference layer's account of the same run, thread by thread (the
/// reference writes each line when its callback runs, so only each thread's order is its own).
/// </summary>
internal static class ReferenceComparison
{
    public static void AssertMatches(IEnumerable<string> reference, string ariJson, string what)
    {
        var expected = ByThread(reference);
        var actual = ByThread(ariJson.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (tid, records) in expected)
        {
            Assert.Equal(records.Count, actual[tid].Count);
            for (var i = 0; i < records.Count; i++)
            {
                AssertSame(records[i], actual[tid][i], $"{what}, thread {tid}, record {i}");
            }
        }
    }

    private static Dictionary<long, List<JsonElement>> ByThread(IEnumerable<string> lines) =>
        lines.Select(line => JsonDocument.Parse(line).RootElement)
            .GroupBy(record => record.GetProperty("tid").GetInt64())
            .ToDictionary(group => group.Key, group => group.ToList());

    /// <summary>Compares every key the reference wrote; ari's extra keys (ts, kind, …) are not its concern.</summary>
    private static void AssertSame(JsonElement expected, JsonElement actual, string where)
    {
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(property.Name, out var value), $"{where}: no '{property.Name}' in {actual}");
            Assert.True(JsonValuesEqual(property.Value, value), $"{where}: '{property.Name}' is {value}, tracing delivered {property.Value}");
        }
    }

    private static bool JsonValuesEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }
        return a.ValueKind switch
        {
            JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
                && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var v) && JsonValuesEqual(p.Value, v)),
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength()
                && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => JsonValuesEqual(pair.First, pair.Second)),
            // Rust writes 0.25 and 1e20 where .NET writes 0.25 and 1E+20: compare floats as numbers.
            JsonValueKind.Number when IsFloat(a) || IsFloat(b) => a.GetDouble() == b.GetDouble(),
            JsonValueKind.Number => a.GetRawText() == b.GetRawText(),
            _ => a.ToString() == b.ToString(),
        };
    }

    private static bool IsFloat(JsonElement number) => number.GetRawText().IndexOfAny(['.', 'e', 'E']) >= 0;
}
