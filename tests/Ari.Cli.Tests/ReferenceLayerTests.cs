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

        ReferenceComparison.AssertMatches(File.ReadAllLines(run.Reference), shown.Stdout, example);
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
}
