using Ari.Console.Model;
using Ari.Model;
using Ari.Testing;
using Ari.Tokio;
using Ari.Wire;

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
        // hyper's own spans open and close all through the server's run: the moments are some of their
        // openings, when each is open for certain (moments between spawns found one open only by chance).
        var recording = RealPrograms.Recorded("http").Recording;
        var whole = Recordings.Analysis(recording);
        using var timeline = RecordingTimeline.Open(recording);
        var openings = new SpanOpenings();
        using (var source = RecordSource.OpenFile(recording))
        {
            new Replay().Play(source, openings);
        }
        var moments = openings.At.Where((_, i) => i % Math.Max(1, openings.At.Count / 20) == 0)
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

    /// <summary>When each span of the program's own (not Tokio's) was made.</summary>
    private sealed class SpanOpenings : IEntrySink
    {
        public List<ulong> At { get; } = [];

        public void Observe(in TraceEntry entry, Replay replay)
        {
            if (entry.Op == TraceOp.New && !Instrumentation.IsTokios(entry.Callsite))
            {
                At.Add(entry.Timestamp);
            }
        }
    }
}
