using Ari.Export.Otlp;
using Ari.Model;
using Ari.Tokio;

namespace Ari.Export.Tests;

/// <summary>
/// <c>ari export --otlp</c> into a loopback receiver: every task and every poll arrives, polls under
/// their task with their times (to Activity's 100 ns), and wakes by other tasks as links.
/// </summary>
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData("wakes", false)]
    [InlineData("handoff", false)]
    [InlineData("workers", true)]
    public async Task Every_task_and_poll_arrives_under_the_right_parent_with_its_times(string example, bool grpc)
    {
        await using var receiver = await OtlpReceiver.Start();
        var (spans, polls) = Send(example, grpc ? receiver.GrpcUrl : receiver.HttpUrl, grpc, receiver);
        var analysis = Exported.Analysis(example);
        var anchor = analysis.Replay!.Start!.AnchorUnixNanos;

        foreach (var task in analysis.Tasks)
        {
            var taskSpan = Assert.Single(spans, span => span.Name == task.ToString() && Equals(span.Attributes["tracing.span_id"], (long)task.Id) && span.Start == Tick(anchor, task.FirstAt));
            if (task.IsClosed)
            {
                Assert.Equal(Tick(anchor, task.LastAt), taskSpan.End);
            }
            var arrived = spans.Where(span => span.Name == "poll" && span.ParentSpanId == taskSpan.SpanId).OrderBy(span => span.Start).ToList();
            var expected = polls.Where(poll => poll.Task.Span.CreatedSequence == task.Span.CreatedSequence).ToList();
            Assert.Equal(expected.Count, arrived.Count);
            Assert.Equal(expected.Select(poll => (Tick(anchor, poll.Start), Math.Max(Tick(anchor, poll.End), Tick(anchor, poll.Start) + 100))), arrived.Select(span => (span.Start, span.End)));
            Assert.All(arrived, poll => Assert.Equal(taskSpan.TraceId, poll.TraceId));
        }
    }

    [Fact]
    public async Task A_wake_by_another_task_links_the_woken_poll_to_the_waking_one()
    {
        await using var receiver = await OtlpReceiver.Start();
        var (spans, _) = Send("wakes", receiver.HttpUrl, grpc: false, receiver);
        var sender = spans.Single(span => span.Attributes.TryGetValue("task.name", out var name) && Equals(name, "sender-task"));
        var senderPolls = spans.Where(span => span.ParentSpanId == sender.SpanId && span.Name == "poll").Select(span => span.SpanId).ToList();

        var link = Assert.Single(spans.Where(span => span.Name == "poll").SelectMany(span => span.Links), link => Equals(link.Attributes["ari.wake.class"], "task"));
        Assert.Contains(link.SpanId, senderPolls);
        Assert.Contains(spans, span => span.Events.Count > 0);
    }

    private static (List<OtlpSpan> Spans, List<(TaskSpan Task, ulong Start, ulong End)> Polls) Send(string example, string url, bool grpc, OtlpReceiver receiver)
    {
        var polls = new List<(TaskSpan, ulong, ulong)>();
        var tracker = new TokioTracker();
        tracker.PollEnded += (task, length, exit) => polls.Add((task, exit.Timestamp - length, exit.Timestamp));
        using (var exporter = new OtlpExporter(OtlpTarget.Parse(url, grpc), example))
        {
            Exported.Through(example, new Both(exporter, tracker));
            Assert.Equal(0, exporter.Failed);
        }
        var spans = receiver.Requests.SelectMany(OtlpSpan.Decode).ToList();
        Assert.NotEmpty(spans);
        return (spans, polls);
    }

    /// <summary>Activity's clock: 100 ns ticks.</summary>
    private static ulong Tick(ulong anchor, ulong at) => (anchor + at) / 100 * 100;

    /// <summary>The exporter, and a tracker of the same entries to know the polls it should have sent.</summary>
    private sealed class Both(IRecordingExporter exporter, TokioTracker tracker) : IRecordingExporter
    {
        public void Observe(in TraceEntry entry, Replay replay)
        {
            exporter.Observe(entry, replay);
            tracker.Observe(entry);
        }

        public void Finish()
        {
            exporter.Finish();
            tracker.Finish();
        }

        public void Dispose() => exporter.Dispose();
    }
}
