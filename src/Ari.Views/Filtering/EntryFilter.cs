using Ari.Model;
using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views.Filtering;

/// <summary>
/// Which entries a view shows; every condition set must hold. The pipeline asks about every entry in
/// order (hidden ones too), so time offsets count from the first record.
/// </summary>
public sealed class EntryFilter
{
    private ulong? _first;

    /// <summary>Instrumentation kinds to show; empty shows all.</summary>
    public IReadOnlySet<InstrumentationKind> Kinds { get; init; } = new HashSet<InstrumentationKind>();

    /// <summary>Target prefixes (as tracing's filters match targets); empty shows all.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The least verbose level shown: Debug shows DEBUG, INFO, WARN and ERROR.</summary>
    public Level? Level { get; init; }

    /// <summary>
    /// A task by the span ID of its <c>runtime.spawn</c> span: the span's own lifecycle, everything
    /// inside it, and waker events for it (their <c>task.id</c> is that span ID).
    /// </summary>
    public ulong? Task { get; init; }

    /// <summary>A span by ID: the span and everything inside it.</summary>
    public ulong? Span { get; init; }

    public TimeBound? Since { get; init; }

    public TimeBound? Until { get; init; }

    public bool Matches(in TraceEntry entry, in EntryFacts facts)
    {
        _first ??= entry.Timestamp;
        return (Kinds.Count == 0 || Kinds.Contains(facts.Kind))
            && (Targets.Count == 0 || HasTarget(entry.Callsite.Target))
            && (Level is not { } level || entry.Callsite.Level >= level)
            && (Task is not { } task || IsInTask(entry, facts, task))
            && (Span is not { } span || Within(entry, span, spawnOnly: false))
            && IsInTime(entry, facts);
    }

    private bool HasTarget(string target)
    {
        foreach (var prefix in Targets)
        {
            if (target.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsInTask(in TraceEntry entry, in EntryFacts facts, ulong task) =>
        Within(entry, task, spawnOnly: true) || (facts.Kind == InstrumentationKind.Waker && WakesTask(entry, task));

    /// <summary>True when the entry's span, or a span its scope holds, has the ID.</summary>
    private static bool Within(in TraceEntry entry, ulong id, bool spawnOnly)
    {
        for (var span = entry.Span ?? entry.Parent; span is not null; span = span.Parent)
        {
            if (span.Id == id && (!spawnOnly || Instrumentation.KindOf(span.Callsite) == InstrumentationKind.Spawn))
            {
                return true;
            }
        }
        return false;
    }

    private static bool WakesTask(in TraceEntry entry, ulong task)
    {
        foreach (var field in entry.Values)
        {
            if (entry.Callsite.FieldName(field.Index) == "task.id")
            {
                return field.Value.Type switch
                {
                    FieldValueType.U64 => field.Value.U64 == task,
                    FieldValueType.I64 => field.Value.I64 >= 0 && (ulong)field.Value.I64 == task,
                    _ => false,
                };
            }
        }
        return false;
    }

    private bool IsInTime(in TraceEntry entry, in EntryFacts facts)
    {
        if (Since is null && Until is null)
        {
            return true;
        }
        var unix = facts.Replay.UnixNanos(entry.Timestamp);
        var sinceFirst = entry.Timestamp - _first!.Value;
        return (Since is not { } since || since.Measure(unix, sinceFirst) >= since.Nanos)
            && (Until is not { } until || until.Measure(unix, sinceFirst) <= until.Nanos);
    }
}
