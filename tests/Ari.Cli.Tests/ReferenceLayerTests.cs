using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// The spine's promise: every span, event, parent, scope, field and lifecycle step that
/// <c>ari show --format json</c> prints is what tracing delivered to a layer in the same run, as a
/// plain reference layer beside the tap saw it, with nothing missing and nothing invented.
/// </summary>
public sealed class ReferenceLayerTests
{
    public static TheoryData<string> AllExamples => [.. Examples.All];

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Json_output_equals_what_tracing_delivered(string example)
    {
        var run = Examples.Recorded(example);
        var shown = AriCommand.Run("show", run.Recording, "--format", "json");
        Assert.True(shown.ExitCode == 0, shown.Stderr);

        var expected = ByThread(File.ReadAllLines(run.Reference));
        var actual = ByThread(shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (tid, records) in expected)
        {
            Assert.Equal(records.Count, actual[tid].Count);
            for (var i = 0; i < records.Count; i++)
            {
                AssertSame(records[i], actual[tid][i], $"{example}, thread {tid}, record {i}");
            }
        }
    }

    [Fact]
    public void The_examples_exercise_every_operation_and_both_runtimes()
    {
        var ops = Examples.All
            .SelectMany(name => File.ReadAllLines(Examples.Recorded(name).Reference))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("op").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "new", "enter", "exit", "close", "record", "follows", "event" }, ops);

        var workerThreads = File.ReadAllLines(Examples.Recorded("workers").Reference)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("tid").GetInt64())
            .Distinct()
            .Count();
        Assert.True(workerThreads >= 3, "the multi-thread example runs on main and two workers at least");
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
