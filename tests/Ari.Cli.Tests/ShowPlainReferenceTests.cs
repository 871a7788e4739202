using System.Text.RegularExpressions;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// The plain view's promise: <c>ari show --format plain</c> prints what ari-subscriber 0.0.1 printed for
/// the same run, byte for byte but the timestamps. The examples carry a layer that formats by 0.0.1's
/// rules with Rust's own <c>{:?}</c> (examples/src/plain_reference.rs) beside the tap.
/// </summary>
public sealed partial class ShowPlainReferenceTests
{
    /// <summary>
    /// Programs whose callbacks all come from one thread at a time. On several threads the reference
    /// layer's writes can land in a slightly different order from tracing's calls (which ari restores
    /// from sequence numbers), so there the lines are compared as a multiset.
    /// </summary>
    private static readonly HashSet<string> OneThreadAtATime = ["oneshot", "fields"];

    // `hostile` is where ari departs from 0.0.1 on purpose: it escapes control characters in
    // pre-formatted text instead of writing them to the terminal (docs/views.md, HostileValuesTests).
    public static TheoryData<string> AllExamples => [.. Examples.All.Where(name => name != "hostile")];

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Plain_output_equals_ari_subscriber_0_0_1(string example)
    {
        var reference = Examples.ScratchFile($"{example}.plain.txt");
        var run = Examples.Record(example, new Dictionary<string, string?> { ["ARI_PLAIN_REFERENCE"] = reference });

        var shown = InProcessAri.Run("show", run.Recording, "--format", "plain");

        Assert.True(shown.ExitCode == 0, shown.Stderr);
        var expected = Masked(File.ReadAllText(reference));
        var actual = Masked(shown.Stdout);
        Assert.NotEmpty(expected);
        if (OneThreadAtATime.Contains(example))
        {
            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        }
    }

    private static List<string> Masked(string output)
    {
        var lines = output.Split('\n').ToList();
        Assert.Equal("", lines[^1]);
        lines.RemoveAt(lines.Count - 1);
        return lines.ConvertAll(line =>
        {
            Assert.Matches(Timestamp(), line);
            return Timestamp().Replace(line, "TIMESTAMP", 1);
        });
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z ")]
    private static partial Regex Timestamp();
}
