using System.Globalization;
using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Watches a tracker and the entries it sees for what <c>ari lint</c> warns about; each rule keeps a
/// count and its earliest occurrence. Observe each entry after the tracker has.
/// </summary>
public sealed class TokioLinter
{
    private readonly LintOptions _options;
    private readonly Dictionary<LintRule, LintFinding> _findings = [];
    private readonly Dictionary<(ThreadTrack Thread, SpanNode Span), int> _entered = [];

    public TokioLinter(TokioTracker tracker, LintOptions? options = null)
    {
        _options = options ?? new LintOptions();
        tracker.TaskEnded += TaskEnded;
        tracker.PollEnded += PollEnded;
        tracker.WakerUsed += WakerUsed;
        tracker.Unattributed += orphan => Add(LintRule.NoResourceParent, orphan.Timestamp, orphan.Thread,
            $"{Instrumentation.Name(orphan.Kind)} without a resource span: {orphan.Describe()}");
        tracker.ResourceEnded += ResourceEnded;
    }

    /// <summary>Rules that found something, in rule order.</summary>
    public IReadOnlyList<LintFinding> Findings => _findings.Values.OrderBy(finding => finding.Rule).ToList();

    public void Observe(in TraceEntry entry)
    {
        if (entry.Span is not { } span)
        {
            return;
        }
        var key = (entry.Thread, span);
        switch (entry.Op)
        {
            case TraceOp.Enter:
                _entered[key] = _entered.GetValueOrDefault(key) + 1;
                break;
            case TraceOp.Exit when _entered.TryGetValue(key, out var depth):
                if (depth > 1)
                {
                    _entered[key] = depth - 1;
                }
                else
                {
                    _entered.Remove(key);
                }
                break;
            case TraceOp.Exit:
                Add(LintRule.UnbalancedEnterExit, entry.Timestamp, entry.Thread, $"{span} exits on {entry.Thread} without entering there");
                break;
        }
    }

    /// <summary>The recording is over (call after the tracker's <see cref="TokioTracker.Finish"/>).</summary>
    public void Finish(Replay replay)
    {
        foreach (var ((thread, span), _) in _entered.OrderBy(pair => pair.Key.Span.CreatedSequence))
        {
            Add(LintRule.UnbalancedEnterExit, span.CreatedAt, thread, $"{span} is still entered on {thread} at the end");
        }
        foreach (var span in replay.LiveSpans.Where(span => !span.IsPlaceholder && !span.IsClosed))
        {
            Add(LintRule.SpanNeverClosed, span.CreatedAt, null, $"{span} ({span.Callsite.Target}) is never closed");
        }
    }

    private void TaskEnded(TaskSpan task)
    {
        // A deferred yield_now wake is a task being polite, not spinning: tokio-console stopped seeing
        // it as a self-wake after tokio#5223 and console#512 settled that this is fine.
        var selfWakes = task.SelfWakes - task.DeferredSelfWakes;
        var share = task.Wakes == 0 ? 0 : (double)selfWakes / task.Wakes;
        if (!task.IsRuntime && share > _options.SelfWakeShare)
        {
            var percent = (share * 100).ToString("0", CultureInfo.InvariantCulture);
            Add(LintRule.SelfWakes, task.FirstAt, null,
                $"task {task} ({task.Location}): {selfWakes} of {task.Wakes} wakes are self-wakes, not deferred ({percent}%)");
        }
    }

    private void PollEnded(TaskSpan task, ulong length, TraceEntry end)
    {
        if (length > _options.LongPollNanos && !task.IsRuntime && task.Kind != "blocking")
        {
            Add(LintRule.LongPoll, end.Timestamp - length, end.Thread,
                $"task {task} ({task.Location}) polled for {Durations.Text(length)} without yielding");
        }
    }

    private void WakerUsed(WakeReport report)
    {
        if (report.Op == WakerOp.Drop && report.Woken is { IsRunning: false, IsNotified: false, IsClosed: false, OutstandingWakers: 0 } task)
        {
            Add(LintRule.LostWaker, report.Timestamp, report.Thread,
                $"the last waker of task {task} is dropped while it waits: nothing can wake it");
        }
    }

    private void ResourceEnded(ResourceSpan resource)
    {
        foreach (var attribute in resource.State.Attributes.Where(attribute => attribute.Updates <= 1))
        {
            Add(LintRule.StateNeverUpdated, resource.Span.CreatedAt, null,
                $"{resource} ({resource.Location}): {attribute} is never updated after it is set");
        }
    }

    private void Add(LintRule rule, ulong at, ThreadTrack? thread, string what)
    {
        if (!_findings.TryGetValue(rule, out var finding))
        {
            finding = new LintFinding(rule);
            _findings[rule] = finding;
        }
        finding.Add(at, thread?.ToString(), what);
    }
}
