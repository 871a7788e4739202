using System.Buffers;
using Ari.Views.Styling;
using Ari.Views.Writers;

namespace Ari.Console.Frames;

/// <summary>
/// Writes a frame as text, line by line, through the views' writers: plain, or with ANSI colours from the
/// views' palette (the states as the levels colour them, done faded). Lines end without trailing spaces.
/// </summary>
public static class FrameWriter
{
    public static void Write(Frame frame, Stream output, bool colour)
    {
        ISegmentWriter writer = colour ? new AnsiWriter() : new PlainWriter();
        var buffer = new ArrayBufferWriter<byte>();
        var line = new StyledText(writer);
        foreach (var cells in frame.Lines)
        {
            line.Clear();
            var last = LastVisible(cells);
            for (var i = 0; i <= last; i++)
            {
                var text = i == last ? cells[i].Text.TrimEnd() : cells[i].Text;
                line.Append(text, StyleOf(cells[i].Style));
            }
            writer.Write(line, buffer);
            buffer.Write("\n"u8);
        }
        output.Write(buffer.WrittenSpan);
    }

    private static int LastVisible(IReadOnlyList<FrameCell> cells)
    {
        for (var i = cells.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(cells[i].Text))
            {
                return i;
            }
        }
        return -1;
    }

    internal static TextStyle StyleOf(FrameStyle style) => style switch
    {
        FrameStyle.Title => new TextStyle(Tint.None, Emphasis.Bold),
        FrameStyle.ColumnNames => new TextStyle(Tint.None, Emphasis.Bold | Emphasis.Underline),
        FrameStyle.Id => new TextStyle(Tint.SpawnId, Emphasis.Bold),
        FrameStyle.Running => new TextStyle(Tint.Info),
        FrameStyle.Scheduled => new TextStyle(Tint.Warn),
        FrameStyle.Idle => new TextStyle(Tint.Debug),
        FrameStyle.Done => new TextStyle(Tint.Neutral, Emphasis.Dim),
        FrameStyle.Warning => new TextStyle(Tint.Warn, Emphasis.Bold),
        FrameStyle.Problem => new TextStyle(Tint.Error, Emphasis.Bold),
        FrameStyle.Keys => new TextStyle(Tint.None, Emphasis.Dim),
        _ => TextStyle.Plain,
    };
}
