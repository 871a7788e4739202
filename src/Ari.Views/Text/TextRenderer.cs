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

    /// <summary>
    /// Where unstyled text goes on to an output that takes whole arrays: lines gather in an array of a
    /// megabyte, with room left for the line that crosses the mark. Each hand-over may wake the output's
    /// thread, and on a virtual machine a wake-up across cores costs the waker and the woken a trip through
    /// the host; with the arrays not copied, their size costs only memory.
    /// </summary>
    private const int HandOverAt = 1024 * 1024 - 64 * 1024;
    private const int HandOverArrayBytes = 1024 * 1024;

    private readonly Stream _output;
    private readonly EntryLayout _layout;
    private readonly ISegmentWriter _writer;
    private readonly StyledText _text;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    /// <summary>When the output takes arrays and the text is unstyled, the array the text goes on in after the next hand-over.</summary>
    private readonly IArrayOutput? _arrays;
    private byte[] _nextArray = [];
    private readonly int _sendAt;

    public TextRenderer(Stream output, EntryLayout layout, ISegmentWriter writer)
    {
        _output = output;
        _layout = layout;
        _writer = writer;
        _text = new StyledText(writer);
        if (!_text.KeepsStyles && output is IArrayOutput arrays)
        {
            _arrays = arrays;
            _nextArray = new byte[HandOverArrayBytes];
        }
        _sendAt = _arrays is null ? FlushAt : HandOverAt;
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
    /// go to the output from there, not copied into the buffer first (a plain line is about 450 bytes),
    /// and to an output that takes arrays as the text's own array, not copied at all.
    /// </summary>
    private void RenderUnstyled(in TraceEntry entry, in EntryFacts facts)
    {
        var lineStart = _text.Bytes.Length;
        if (!_layout.Append(_text, entry, facts))
        {
            _text.Truncate(lineStart);
            return;
        }
        if (_text.Bytes.Length >= _sendAt)
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
        if (_arrays is not null)
        {
            if (_text.Bytes.Length > 0)
            {
                var filled = _text.Swap(_nextArray, out var length);
                _nextArray = _arrays.HandOver(filled, length);
            }
        }
        else if (!_text.KeepsStyles)
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
