namespace Ari.Wire.Tests;

/// <summary>Recordings that use every record kind, shaped like what the tap writes for a small Tokio program.</summary>
internal static class Samples
{
    public static Callsite SpawnCallsite => new(
        0, 0, CallsiteKind.Span, Level.Trace, "runtime.spawn", "tokio::task", "tokio::task::spawn", "src/task/spawn.rs", 166,
        ["kind", "task.name", "task.id", "loc.file", "loc.line", "loc.col"]);

    public static Callsite WakerCallsite => new(
        0, 1, CallsiteKind.Event, Level.Trace, "event src/runtime/task/waker.rs:83", "tokio::task::waker", "tokio::runtime::task::waker",
        "src/runtime/task/waker.rs", null, ["op", "task.id", "message"]);

    public static FieldValues SpawnValues => FieldValues.Create(
        new Field(0, FieldValue.FromDebug("task")),
        new Field(1, FieldValue.FromStr("")),
        new Field(2, FieldValue.FromU64(18)),
        new Field(3, FieldValue.FromStr("examples/spawn.rs")),
        new Field(4, FieldValue.FromU64(7)),
        new Field(5, FieldValue.FromI64(-5)));

    /// <summary>
    /// Two threads whose batches arrive out of sequence order, watermarks, an unknown frame, drops and a clean end.
    /// Callback sequence numbers 0..13 except the dropped 9..10.
    /// </summary>
    public static RecordingBuilder MultiThread()
    {
        var b = new RecordingBuilder();
        b.Add(new StreamStart(0, 1_700_000_000_000_000_000, 4711, "/usr/bin/example", "0.1.0"));
        b.Add(SpawnCallsite, WakerCallsite, new ThreadInfo(0, 0, 4711, "main"), new ThreadInfo(0, 1, 4712, "tokio-runtime-worker"));

        // Thread 1's later batch reaches the stream before thread 0's earlier one.
        b.Batch(
            new Enter(0, 3, 1000, 1, 1),
            new Event(0, 5, 1100, 1, 1, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromDebug("waker.wake")), new Field(1, FieldValue.FromU64(1)))),
            new Exit(0, 6, 1150, 1, 1));
        b.Batch(
            new NewSpan(0, 0, 500, 0, 1, 0, SpanParent.Root, SpawnValues),
            new Record(0, 1, 600, 0, 1, FieldValues.Create(new Field(1, FieldValue.FromStr("named")))),
            new FollowsFrom(0, 2, 600, 0, 1, 2251799813685250),
            new Event(0, 4, 1050, 0, 1, SpanParent.Explicit(1), FieldValues.Create(new Field(2, FieldValue.FromError("boom")))));
        b.Frame(0x7E, 1, 2, 3);
        b.Add(new Watermark(0, 5));
        b.Batch(new IdChange(0, 7, 1200, 0, 1, 2), new Close(0, 8, 1300, 0, 2));
        b.Add(new Dropped(0, 2, 1));
        b.Batch(new Enter(0, 12, 1500, 1, 3), new Exit(0, 13, 1600, 1, 3));
        b.Batch(new NewSpan(0, 11, 1400, 0, 3, 0, SpanParent.Contextual, FieldValues.Empty));
        b.Add(new Watermark(0, 14));
        b.Add(new StreamEnd(0, 12, 2));
        return b;
    }
}
