using System.Buffers;
using System.Text.Json;
using Ari.Views.Tests.Support;
using Ari.Wire;

namespace Ari.Views.Tests.Json;

/// <summary>
/// Most of a JSON line is bytes made once and copied (a thread's name and ID, a callsite's name, target
/// and level): each line must still parse, with every text as recorded, and a thread renamed mid-stream
/// must show its new name from then on.
/// </summary>
public sealed class JsonLinesTests
{
    private const string Thread = "worker \"1\"\\\n\u0001é";
    private const string Renamed = "renamed \"2\"";
    private const string Name = "span \"name\"\t";
    private const string Target = "app::\"target\"\\";

    [Fact]
    public void Texts_written_once_for_many_lines_parse_back_as_recorded()
    {
        var lines = Rendered.Bytes(Recording(), ViewFormat.Json).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var parsed = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Equal(["new", "enter", "event", "exit", "enter", "exit"], parsed.Select(line => line.GetProperty("op").GetString()));
        Assert.Equal([Thread, Thread, Thread, Thread, Renamed, Renamed], parsed.Select(line => line.GetProperty("thread").GetString()));
        Assert.All(parsed, line => Assert.Equal(7UL, line.GetProperty("tid").GetUInt64()));
        var spanLines = parsed.Where(line => line.GetProperty("op").GetString() != "event").ToList();
        Assert.All(spanLines, line => Assert.Equal(Name, line.GetProperty("name").GetString()));
        Assert.All(spanLines, line => Assert.Equal(Target, line.GetProperty("target").GetString()));
        Assert.All(spanLines, line => Assert.Equal("INFO", line.GetProperty("level").GetString()));
        Assert.All(spanLines, line => Assert.Equal("\"quoted\"", line.GetProperty("fields").GetProperty("v").GetString()));
        Assert.Equal("\"event\"", parsed[2].GetProperty("fields").GetProperty("v").GetString());
        Assert.Equal(1UL, parsed[2].GetProperty("parent").GetUInt64());
    }

    private static byte[] Recording()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(buffer);
        writer.WriteHeader();
        writer.Write(new StreamStart(0, 1_706_629_404_010_351_000, 42, "json", "test"));
        writer.Write(new Callsite(0, 0, CallsiteKind.Span, Level.Info, Name, Target, "app", "main.rs", 1, ["v"]));
        writer.Write(new Callsite(0, 1, CallsiteKind.Event, Level.Warn, "event", Target, "app", "main.rs", 2, ["v"]));
        writer.Write(new ThreadInfo(0, 0, 7, Thread));
        writer.WriteBatch(
            new NewSpan(0, 0, 0, 0, 1, 0, SpanParent.Root, FieldValues.Create(new Field(0, FieldValue.FromStr("\"quoted\"")))),
            new Enter(0, 1, 10, 0, 1),
            new Event(0, 2, 20, 0, 1, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromStr("\"event\"")))),
            new Exit(0, 3, 30, 0, 1));
        writer.Write(new Watermark(0, 4));
        writer.Write(new ThreadInfo(0, 0, 7, Renamed));
        writer.WriteBatch(new Enter(0, 4, 40, 0, 1), new Exit(0, 5, 50, 0, 1));
        writer.Write(new StreamEnd(0, 6, 0));
        return buffer.WrittenSpan.ToArray();
    }
}
