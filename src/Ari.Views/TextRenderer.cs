using System.Buffers;
using Ari.Model;

namespace Ari.Views;

/// <summary>
/// A text view (plain, ANSI or HTML, line or tree): the layout arranges each entry as styled text once,
/// the writer turns it into bytes, and whole buffers go to the output.
/// </summary>
public sealed class TextRenderer : IEntryRenderer
{
    private const int FlushAt = 60 * 1024;

    private readonly Stream _output;
    private readonly IEntryLayout _layout;
    private readonly ISegmentWriter _writer;
    private readonly StyledText _text;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    public TextRenderer(Stream output, IEntryLayout layout, ISegmentWriter writer)
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
        _text.Clear();
        if (!_layout.Append(_text, entry, facts))
        {
            return;
        }
        _writer.Write(_text, _buffer);
        if (_buffer.WrittenCount >= FlushAt)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _output.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _output.Flush();
    }

    public void Dispose()
    {
        _writer.WriteEnd(_buffer);
        Flush();
    }
}
