using Ari.Model;
using Ari.Testing;
using Ari.Wire;

namespace Ari.Tokio.Tests;

/// <summary>
/// A hand-made stream of Tokio-like records, for what the examples cannot produce on this machine's
/// Tokio and tracing (e.g. tracing 0.1.38's extra enter/exit before close, tracing#2562). Each record
/// is written as a recording of its own and played into the analysis at once; the replay carries on
/// from one to the next as it would over one stream.
/// </summary>
internal sealed class SyntheticTrace
{
    private static readonly string[] SpawnFields = ["kind", "task.name", "task.id", "loc.file", "loc.line", "loc.col"];

    private readonly Replay _replay = new();
    private ulong _sequence;

    public SyntheticTrace(LintOptions? lint = null)
    {
        Analysis = new TokioAnalysis(lint);
        Apply(new StreamStart(0, 0, 1, "synthetic", "test"));
        Apply(new ThreadInfo(0, 0, 100, "worker-a"));
        Apply(new ThreadInfo(0, 1, 101, "worker-b"));
        Apply(new Callsite(0, 0, CallsiteKind.Span, Level.Trace, "runtime.spawn", "tokio::task", "tokio::task", "", null, SpawnFields));
        Apply(new Callsite(0, 1, CallsiteKind.Event, Level.Trace, "event", "tokio::task::waker", "tokio", "", null, ["op", "task.id"]));
        Apply(new Callsite(0, 2, CallsiteKind.Event, Level.Trace, "event", "runtime::resource::state_update", "tokio", "", null, ["x", "x.op"]));
    }

    public TokioAnalysis Analysis { get; }

    public SyntheticTrace Task(ulong id, string name, string kind = "task", int thread = 0) => Apply(new NewSpan(0, _sequence, Now, thread, id, 0, SpanParent.Root,
        FieldValues.Create(
            new Field(0, FieldValue.FromDebug(kind)),
            new Field(1, FieldValue.FromDebug(name)),
            new Field(2, FieldValue.FromU64(id + 100)),
            new Field(3, FieldValue.FromStr("src/main.rs")),
            new Field(4, FieldValue.FromU64(id)),
            new Field(5, FieldValue.FromU64(1)))));

    public SyntheticTrace Enter(ulong id, int thread = 0) => Apply(new Enter(0, _sequence, Now, thread, id));

    public SyntheticTrace Exit(ulong id, int thread = 0) => Apply(new Exit(0, _sequence, Now, thread, id));

    public SyntheticTrace Close(ulong id, int thread = 0) => Apply(new Close(0, _sequence, Now, thread, id));

    /// <summary>One poll: enter and exit.</summary>
    public SyntheticTrace Poll(ulong id, int thread = 0) => Enter(id, thread).Exit(id, thread);

    public SyntheticTrace Waker(string op, ulong task, int thread = 0) => Apply(new Event(0, _sequence, Now, thread, 1, SpanParent.Contextual,
        FieldValues.Create(new Field(0, FieldValue.FromStr(op)), new Field(1, FieldValue.FromU64(task)))));

    public SyntheticTrace OrphanStateUpdate() => Apply(new Event(0, _sequence, Now, 0, 2, SpanParent.Contextual,
        FieldValues.Create(new Field(0, FieldValue.FromU64(1)), new Field(1, FieldValue.FromStr("add")))));

    public TokioAnalysis Finish()
    {
        Analysis.Finish();
        return Analysis;
    }

    private ulong Now => _sequence * 1000;

    private SyntheticTrace Apply(WireRecord record)
    {
        Played.Into(_replay, DecodedRecords.Recording([record]), Analysis);
        if (record is CallbackRecord)
        {
            _sequence++;
        }
        return this;
    }
}
