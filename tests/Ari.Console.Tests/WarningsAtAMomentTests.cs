using Ari.Console.Model;
using Ari.Testing;
using Ari.Tokio;

namespace Ari.Console.Tests;

/// <summary>
/// The warnings a snapshot shows: at the end of a whole recording, exactly <c>ari lint</c>'s; at a moment
/// before it, none of what only the program's end can show (a span still open then closes later).
/// </summary>
public sealed class WarningsAtAMomentTests
{
    [Theory]
    [MemberData(nameof(SnapshotAgreementTests.Programs), MemberType = typeof(SnapshotAgreementTests))]
    public void At_the_end_the_warnings_are_ari_lints(string program)
    {
        var recording = SnapshotAgreementTests.RecordingOf(program);
        using var timeline = RecordingTimeline.Open(recording);

        Assert.Equal(
            Recordings.Analysis(recording).Linter.Findings.Select(finding => (finding.Rule, finding.Count)),
            timeline.AtEnd.Warnings.Select(finding => (finding.Rule, finding.Count)));
    }

    [Fact]
    public void Before_the_end_a_span_still_open_then_is_no_warning()
    {
        // hyper's own spans open and close all through the server's run.
        var recording = RealPrograms.Recorded("http").Recording;
        var whole = Recordings.Analysis(recording);
        using var timeline = RecordingTimeline.Open(recording);
        var moments = Recordings.BetweenSpawns(whole, most: 40)
            .Where(at => Recordings.Analysis(recording, at, asIfItEndedThere: true).Linter.Findings.Any(finding => finding.Rule == LintRule.SpanNeverClosed))
            .ToList();

        Assert.NotEmpty(moments);
        Assert.DoesNotContain(whole.Linter.Findings, finding => finding.Rule == LintRule.SpanNeverClosed);
        foreach (var at in moments)
        {
            Assert.DoesNotContain(timeline.SnapshotAt(at).Warnings,
                finding => finding.Rule is LintRule.SpanNeverClosed or LintRule.UnbalancedEnterExit or LintRule.StateNeverUpdated);
        }
    }
}
