using System.Buffers;
using Ari.Views.Styling;
using Ari.Views.Text;
using Ari.Views.Writers;

namespace Ari.Views.Tests.Text;

/// <summary>A span's label, which every line of the span shows: laid out once, written once per writer.</summary>
public sealed class SpanLabelTests
{
    private static readonly SpanLabel Label =
        new("runtime.spawn[7]{kind=task} "u8.ToArray(), idStart: 14, idLength: 1, Tint.Spawn, Tint.SpawnId);

    [Fact]
    public void A_styled_writer_writes_a_label_once_and_every_line_copies_it()
    {
        var writer = new CountingWriter(new AnsiWriter());
        var line = new StyledText(writer);

        var lines = Enumerable.Range(0, 3).Select(_ =>
        {
            line.Clear();
            Label.AppendWithSpace(line);
            line.Append("enter"u8, TextStyle.Plain);
            return Written(writer, line);
        }).ToList();

        // Three lines and the label itself, which the writer turned into bytes once.
        Assert.Equal(4, writer.Calls);
        Assert.All(lines, written => Assert.Equal(LaidOutEachTime(), written));
    }

    /// <summary>The same line as before labels were rendered ahead: the label's three styled parts, written with the line.</summary>
    private static string LaidOutEachTime()
    {
        var line = new StyledText();
        Label.AppendWithSpace(line);
        line.Append("enter"u8, TextStyle.Plain);
        return Written(new AnsiWriter(), line);
    }

    private static string Written(ISegmentWriter writer, StyledText line)
    {
        var output = new ArrayBufferWriter<byte>();
        writer.Write(line, output);
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private sealed class CountingWriter(ISegmentWriter inner) : ISegmentWriter
    {
        public int Calls { get; private set; }

        public void Write(StyledText text, IBufferWriter<byte> output)
        {
            Calls++;
            inner.Write(text, output);
        }
    }
}
