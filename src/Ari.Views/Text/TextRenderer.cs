using System.Buffers;
using Ari.Model;
using Ari.Views.Styling;
using Ari.Views.Writers;

namespace Ari.Views.Text;

/// <summary>
/// A text view (plain, ANSI or HTML, line or tree): the layout arranges each entry as styled text once,
/// the writer turns it into bytes, and whole buffers go to the output.
/// </summary>
internal sealed class TextRenderer : IEntryRenderer
{
    private const int FlushAt = 60 * 1024;

    private readonly Stream _output;
    private readonly EntryLayout _layout;
    private readonly ISegmentWriter _writer;
    private readonly StyledText _text;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public TextRenderer(Stream output, EntryLayout layout, ISegmentWriter writer)
    {
        _output = output;
        _layout = layout;
        _writer = writer;
        _text = new StyledText(writer);
        _writer.WriteStart(_buffer);
    }

    public bool ShowsWakes => _layout.ShowsWakes;

    public void Render(in TraceEntry entry, in EntryFacts facts)
    {
        if (!_text.KeepsStyles)
        {
            RenderUnstyled(entry, facts);
            return;
        }
        _text.Clear();
        if (!_layout.Append(_text, entry, facts))
        {
            return;
        }
        _writer.Write(_text, _buffer);
        if (_buffer.WrittenCount >= FlushAt)
        {
            Send();
        }
    }

    /// <summary>
    /// Text without styles is already what the writer would write: lines gather in the text itself and
    /// go to the output from there, not copied into the buffer first (a plain line is about 450 bytes).
    /// </summary>
    private void RenderUnstyled(in TraceEntry entry, in EntryFacts facts)
    {
        var lineStart = _text.Bytes.Length;
        if (!_layout.Append(_text, entry, facts))
        {
            _text.Truncate(lineStart);
            return;
        }
        if (_text.Bytes.Length >= FlushAt)
        {
            Send();
        }
    }

    public void Flush()
    {
        Send();
        _output.Flush();
    }

    /// <summary>
    /// Hands what is gathered to the output without flushing it: an output that writes on a thread of its
    /// own (<c>ari show</c>'s) then goes on writing while the next lines are laid out.
    /// </summary>
    private void Send()
    {
        // The buffer holds what the writer wrote before any line, or the lines of styled text.
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        if (!_text.KeepsStyles)
        {
            _output.Write(_text.Bytes);
            _text.Clear();
        }
    }

    public void Dispose()
    {
        // Lines gathered in unstyled text go out before what the writer writes at the end.
        Send();
        _writer.WriteEnd(_buffer);
        Flush();
    }
}
