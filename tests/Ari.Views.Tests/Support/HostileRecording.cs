using System.Buffers;
using Ari.Wire;

namespace Ari.Views.Tests.Support;

/// <summary>
/// A small recording made here, whose values try to break out of the views: markup, quotes, a script,
/// terminal escapes and control characters, in a task with a waker and a resource beside it.
/// </summary>
internal static class HostileRecording
{
    public const string Script = "<script>document.title='pwned'</script>";
    public const string Escape = "\e[2J\e]0;pwned\a";

    public static byte[] Build()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(buffer);
        writer.WriteHeader();
        writer.Write(new StreamStart(0, 1_706_629_404_010_351_000, 42, "hostile", "test"));
        writer.Write(new Callsite(0, 0, CallsiteKind.Span, Level.Trace, "runtime.spawn", "tokio::task", "tokio::task", "task.rs", 1, ["kind", "task.name"]));
        writer.Write(new Callsite(0, 1, CallsiteKind.Event, Level.Trace, "event", "tokio::task::waker", "tokio", "waker.rs", 2, ["op", "task.id"]));
        writer.Write(new Callsite(0, 2, CallsiteKind.Event, Level.Info, "event", "app", "app", "main.rs", 3, ["message", "quoted", "shown"]));
        writer.Write(new Callsite(0, 3, CallsiteKind.Span, Level.Trace, "runtime.resource", "tokio::sync", "tokio", "sync.rs", 4, ["concrete_type"]));
        writer.Write(new ThreadInfo(0, 0, 7, "main"));
        writer.WriteBatch(
            new NewSpan(0, 0, 0, 0, 1, 0, SpanParent.Root, FieldValues.Create(new Field(0, FieldValue.FromDebug("task")), new Field(1, FieldValue.FromDebug(Script)))),
            new Enter(0, 1, 10, 0, 1),
            new Event(0, 2, 20, 0, 2, SpanParent.Contextual, FieldValues.Create(
                new Field(0, FieldValue.FromDebug("message " + Escape + " & <b>\"'")),
                new Field(1, FieldValue.FromStr(Script + "\t\"" + Escape)),
                new Field(2, FieldValue.FromError(Script)))),
            new Event(0, 3, 30, 0, 1, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromStr("waker.wake_by_ref")), new Field(1, FieldValue.FromU64(1)))),
            new NewSpan(0, 4, 40, 0, 2, 3, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromStr("Sleep")))),
            new Exit(0, 5, 50, 0, 1));
        writer.Write(new StreamEnd(0, 6, 0));
        return buffer.WrittenSpan.ToArray();
    }
}
