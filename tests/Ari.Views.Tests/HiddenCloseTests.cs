using System.Buffers;
using Ari.Model;
using Ari.Testing;
using Ari.Views.Tests.Support;
using Ari.Wire;

namespace Ari.Views.Tests;

/// <summary>
/// A view keeps what it made of each span (label, scope, fields) until it sees the span close; with the
/// closes filtered out, tracing's reused IDs must still find each span's own texts, never an older span's.
/// </summary>
public sealed class HiddenCloseTests
{
    [Theory]
    [InlineData("wakes", ViewFormat.Plain, ViewLayout.Line)]
    [InlineData("wakes", ViewFormat.Json, ViewLayout.Line)]
    [InlineData("oneshot", ViewFormat.Ansi, ViewLayout.Line)]
    [InlineData("spinner", ViewFormat.Plain, ViewLayout.Line)]
    public void Hiding_closes_leaves_every_other_line_as_it_was(string example, ViewFormat format, ViewLayout layout)
    {
        var recording = StoredRecordings.Of(example);
        var all = Lines(recording, format, layout, hideCloses: false);
        var withoutCloses = Lines(recording, format, layout, hideCloses: true);

        Assert.True(all.Count > withoutCloses.Count);
        Assert.Equal(all.Where(line => !line.IsClose).Select(line => line.Text), withoutCloses.Select(line => line.Text));
    }

    [Theory]
    [InlineData(ViewFormat.Plain)]
    [InlineData(ViewFormat.Json)]
    public void A_span_that_takes_a_hidden_closed_spans_ID_shows_its_own_texts(ViewFormat format)
    {
        var recording = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-reuse.ari");
        File.WriteAllBytes(recording, IdReusedAfterClose());
        List<(bool IsClose, string Text)> all, withoutCloses;
        try
        {
            all = Lines(recording, format, ViewLayout.Line, hideCloses: false);
            withoutCloses = Lines(recording, format, ViewLayout.Line, hideCloses: true);
        }
        finally
        {
            File.Delete(recording);
        }

        Assert.Equal(all.Where(line => !line.IsClose).Select(line => line.Text), withoutCloses.Select(line => line.Text));
        // The first span's new, enter and exit; then only the second span's lines and its event.
        Assert.All(withoutCloses.Take(3), line => Assert.Contains("first", line.Text));
        Assert.All(withoutCloses.Skip(3), line => Assert.DoesNotContain("first", line.Text));
    }

    /// <summary>Span 1 (<c>first</c>) is entered, exited and closed; then a new span 1 (<c>second</c>) holds an event.</summary>
    private static byte[] IdReusedAfterClose()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(buffer);
        writer.WriteHeader();
        writer.Write(new StreamStart(0, 1_706_629_404_010_351_000, 42, "reuse", "test"));
        writer.Write(new Callsite(0, 0, CallsiteKind.Span, Level.Info, "first", "app", "app", "main.rs", 1, ["n"]));
        writer.Write(new Callsite(0, 1, CallsiteKind.Span, Level.Info, "second", "app", "app", "main.rs", 2, ["n"]));
        writer.Write(new Callsite(0, 2, CallsiteKind.Event, Level.Info, "event", "app", "app", "main.rs", 3, ["message"]));
        writer.Write(new ThreadInfo(0, 0, 7, "main"));
        writer.WriteBatch(
            new NewSpan(0, 0, 0, 0, 1, 0, SpanParent.Root, FieldValues.Create(new Field(0, FieldValue.FromU64(1)))),
            new Enter(0, 1, 10, 0, 1),
            new Exit(0, 2, 20, 0, 1),
            new Close(0, 3, 30, 0, 1),
            new NewSpan(0, 4, 40, 0, 1, 1, SpanParent.Root, FieldValues.Create(new Field(0, FieldValue.FromU64(2)))),
            new Enter(0, 5, 50, 0, 1),
            new Event(0, 6, 60, 0, 2, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromDebug("inside")))),
            new Exit(0, 7, 70, 0, 1),
            new Close(0, 8, 80, 0, 1));
        writer.Write(new StreamEnd(0, 9, 0));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Each entry's output with whether it was a close (a line view writes one line an entry).</summary>
    private static List<(bool IsClose, string Text)> Lines(string recording, ViewFormat format, ViewLayout layout, bool hideCloses)
    {
        var output = new MemoryStream();
        var lines = new List<(bool, string)>();
        using (var renderer = Renderers.Create(format, layout, output))
        {
            var pipeline = new EntryPipeline(renderer, hideCloses ? (entry, _) => entry.Op != TraceOp.Close : null);
            Played.File(recording, (entry, replay) =>
            {
                var before = output.Length;
                pipeline.Observe(entry, replay);
                renderer.Flush();
                if (output.Length > before)
                {
                    lines.Add((entry.Op == TraceOp.Close, System.Text.Encoding.UTF8.GetString(output.GetBuffer(), (int)before, (int)(output.Length - before))));
                }
            });
        }
        return lines;
    }
}
