using System.Text.Json;
using Ari.Testing;
using Ari.Wire;

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
        var shown = InProcessAri.Run("show", run.Recording, "--format", "json");
        Assert.True(shown.ExitCode == 0, shown.Stderr);

        ReferenceComparison.AssertMatches(File.ReadAllLines(run.Reference), shown.Stdout, example);
    }

    [Fact]
    public void A_busy_two_thread_program_comes_back_whole()
    {
        // chatter traces as fast as it can on two threads; the reader decodes ahead on a thread of its own.
        var run = Examples.Record("chatter", arguments: ["30000"]);
        Assert.Equal(7, run.Process.ExitCode);
        var shown = InProcessAri.Run("show", run.Recording, "--format", "json");
        Assert.True(shown.ExitCode == 0, shown.Stderr);

        ReferenceComparison.AssertMatches(File.ReadAllLines(run.Reference), shown.Stdout, "chatter");
    }

    [Fact]
    public void A_busy_two_thread_program_comes_back_in_tracings_order()
    {
        // Without the reference layer slowing it, chatter makes watermarks that release well over 10,000
        // records at once, which the reader hands on in several runs.
        var recording = Examples.ScratchFile("chatter.ari");
        var traced = Processes.Run(Examples.Binary("chatter"), ["100000"], new Dictionary<string, string?> { ["ARI_TAP"] = recording });
        Assert.Equal(7, traced.ExitCode);

        // The tap numbers every callback from 0 across threads: merged, they come back 0, 1, 2, … in order.
        using var source = RecordSource.OpenFile(recording);
        ulong next = 0;
        foreach (var item in source.ReadItems().Where(item => item.IsCallback))
        {
            Assert.Equal(next++, item.Sequence);
        }
        Assert.Equal(100_000UL * 5, next);
        Assert.Equal(0, source.LateCount);
        Assert.True(source.StreamEndSeen);
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
