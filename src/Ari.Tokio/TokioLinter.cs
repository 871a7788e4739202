using System.Globalization;
using Ari.Model;

namespace Ari.Tokio;

/// <summary>
/// Watches a tracker and the entries it sees for what <c>ari lint</c> warns about, keeping each rule's
/// count and first warning, and every occurrence unless told not to (<see cref="LintOptions.KeepOccurrences"/>). Observe each entry after the tracker has. Each rule warns only on what the stream proves
/// (docs/analysis.md, "Lint"), and Tokio's own spans and resources are left out unless asked for
/// (<see cref="LintOptions.Internal"/>): their habits are not the user's mistakes.
/// </summary>
public sealed class TokioLinter
{
    private readonly LintOptions _options;
    private readonly Dictionary<LintRule, LintFinding> _findings = [];
    private readonly Dictionary<(ThreadTrack Thread, SpanNode Span), int> _entered = [];
    private readonly LostWakers _lostWakers;
    private readonly LongPolls _longPolls;

    public TokioLinter(TokioTracker tracker, LintOptions? options = null)
    {
        _options = options ?? new LintOptions();
        _lostWakers = new LostWakers(tracker, (at, thread, what, task) => Add(LintRule.LostWaker, at, thread, what, task));
        _longPolls = new LongPolls(tracker, _options.LongPollNanos, (at, thread, what, task) => Add(LintRule.LongPoll, at, thread, what, task));
        tracker.TaskEnded += TaskEnded;
        tracker.Unattributed += orphan =>
        {
            if (_options.Internal || !Instrumentation.IsTokios(orphan.Callsite))
            {
                Add(LintRule.NoResourceParent, orphan.Timestamp, orphan.Thread,
                    $"{Instrumentation.Name(orphan.Kind)} without a resource span: {orphan.Describe()}");
            }
        };
        tracker.ResourceEnded += ResourceEnded;
    }

    /// <summary>
    /// Set when the analysis ends at a moment the program went on past (see <see cref="TokioAnalysis.Finish"/>):
    /// a span still open or entered then, an attribute not yet updated while its resource lives, a task
    /// still waiting without a waker, may all be settled later, so only the program's end makes them
    /// findings. What happened by then (long polls, self-wakes so far, closes without a wake) still is.
    /// </summary>
    public bool RecordingGoesOn { get; set; }

    /// <summary>A warning, as it is found: a rule can judge only later (a lost waker at the task's close), so not in the order they happened.</summary>
    public event Action<LintRule, LintOccurrence>? Warned;

    /// <summary>Rules that found something, in rule order.</summary>
    public IReadOnlyList<LintFinding> Findings => _findings.Values.OrderBy(finding => finding.Rule).ToList();

    public void Observe(in TraceEntry entry)
    {
        if (entry.Span is not { } span)
        {
            return;
        }
        _lostWakers.Observe(entry);
        if (!_options.Internal && Instrumentation.IsTokios(span.Callsite))
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
        if (RecordingGoesOn)
        {
            return;
        }
        foreach (var ((thread, span), _) in _entered.OrderBy(pair => pair.Key.Span.CreatedSequence))
        {
            Add(LintRule.UnbalancedEnterExit, span.CreatedAt, thread, $"{span} is still entered on {thread} at the end");
        }
        foreach (var span in replay.LiveSpans.Where(span => !span.IsPlaceholder && !span.IsClosed
            && (_options.Internal || !Instrumentation.IsTokios(span.Callsite))))
        {
            Add(LintRule.SpanNeverClosed, span.CreatedAt, null, $"{span} ({span.Callsite.Target}) is never closed");
        }
    }

    private void TaskEnded(TaskSpan task)
    {
        if (task.IsClosed || !RecordingGoesOn)
        {
            _lostWakers.TaskEnded(task);
        }
        var share = task.Wakes == 0 ? 0 : (double)task.SelfWakes / task.Wakes;
        if (!task.IsRuntime && share > _options.SelfWakeShare && task.SelfWakes >= _options.SelfWakeMinimum)
        {
            var percent = (share * 100).ToString("0", CultureInfo.InvariantCulture);
            Add(LintRule.SelfWakes, task.FirstAt, null,
                $"{task} ({task.Location}): {task.SelfWakes} of {task.Wakes} wakes are made by the task itself in its poll ({percent}%)", task);
        }
    }

    private void ResourceEnded(ResourceSpan resource)
    {
        if ((RecordingGoesOn && !resource.Span.IsClosed)
            || (!_options.Internal && (resource.IsInternal || Instrumentation.IsTokios(resource.Span.Callsite))))
        {
            return;
        }
        foreach (var attribute in resource.State.Attributes.Where(attribute => attribute.Updates <= 1))
        {
            Add(LintRule.StateNeverUpdated, resource.Span.CreatedAt, null,
                $"{resource} ({resource.Location}): {attribute} is never updated after it is set");
        }
    }

    private void Add(LintRule rule, ulong at, ThreadTrack? thread, string what, TaskSpan? task = null)
    {
        if (!_findings.TryGetValue(rule, out var finding))
        {
            finding = new LintFinding(rule, _options.KeepOccurrences);
            _findings[rule] = finding;
        }
        var occurrence = new LintOccurrence(at, thread?.ToString(), what, task?.Span.CreatedSequence);
        finding.Add(occurrence);
        Warned?.Invoke(rule, occurrence);
    }
}
