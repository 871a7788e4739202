using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ari.Views.Styling;

/// <summary>
/// One rendered entry as styled segments over a single UTF-8 buffer: layouts append, writers read.
/// Reused from entry to entry, so a warmed-up view appends without allocating. Adjacent text of the
/// same style merges into one segment. A writer that ignores styles (plain text) gets text that keeps
/// none, which saves the segment bookkeeping on every append.
/// </summary>
internal sealed class StyledText
{
    private readonly bool _keepsStyles;
    private byte[] _bytes;
    private int _length;
    private Segment[] _segments;
    private int _count;

    /// <summary>Where <see cref="Render"/> lays text out before its writer turns it into bytes.</summary>
    private StyledText? _scratch;
    private ArrayBufferWriter<byte>? _rendered;

    public StyledText(bool keepsStyles = true)
    {
        _keepsStyles = keepsStyles;
        _bytes = new byte[4096];
        _segments = new Segment[keepsStyles ? 64 : 0];
    }

    /// <summary>Text for <paramref name="writer"/>, which may render what recurs (span labels) once.</summary>
    public StyledText(ISegmentWriter writer)
        : this(writer.ReadsStyles)
    {
        Writer = writer.ReadsStyles ? writer : null;
    }

    /// <summary>False for text made for a writer that ignores styles: appends keep only the bytes.</summary>
    public bool KeepsStyles => _keepsStyles;

    /// <summary>
    /// The styled writer this text is made for, when known: text that recurs on many lines can then be
    /// rendered once (<see cref="Render"/>) and appended as bytes (<see cref="AppendRendered"/>).
    /// </summary>
    public ISegmentWriter? Writer { get; }

    /// <summary>What <paramref name="append"/> lays out, as <see cref="Writer"/> writes it.</summary>
    public byte[] Render(Action<StyledText> append)
    {
        var writer = Writer ?? throw new InvalidOperationException("text without a styled writer renders nothing ahead");
        var scratch = _scratch ??= new StyledText();
        var rendered = _rendered ??= new ArrayBufferWriter<byte>(256);
        scratch.Clear();
        rendered.ResetWrittenCount();
        append(scratch);
        writer.Write(scratch, rendered);
        return rendered.WrittenSpan.ToArray();
    }

    /// <summary>Bytes <see cref="Render"/> made: the writer copies them as they are.</summary>
    public void AppendRendered(ReadOnlySpan<byte> rendered)
    {
        ShortCopy.CopyTo(rendered, Reserve(rendered.Length));
        AddSegment(new Segment(_length, rendered.Length, TextStyle.Plain, Rendered: true));
        _length += rendered.Length;
    }

    public ReadOnlySpan<Segment> Segments => _segments.AsSpan(0, _count);

    public ReadOnlySpan<byte> TextOf(in Segment segment) => _bytes.AsSpan(segment.Start, segment.Length);

    /// <summary>All the text, without styles.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        _count = 0;
    }

    /// <summary>Drops what was appended after the first <paramref name="length"/> bytes of text without styles.</summary>
    public void Truncate(int length)
    {
        if (_keepsStyles)
        {
            throw new InvalidOperationException("only text without styles can be cut back");
        }
        _length = Math.Min(_length, length);
    }

    /// <summary>
    /// Goes on, empty, in <paramref name="next"/>, and returns the buffer it replaces, whose first
    /// <paramref name="length"/> bytes are the text so far: text without styles is handed on as it is.
    /// </summary>
    public byte[] Swap(byte[] next, out int length)
    {
        if (_keepsStyles)
        {
            throw new InvalidOperationException("only text without styles is handed on as bytes");
        }
        var filled = _bytes;
        length = _length;
        _bytes = next;
        _length = 0;
        return filled;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<byte> utf8, TextStyle style)
    {
        ShortCopy.CopyTo(utf8, Reserve(utf8.Length));
        Commit(utf8.Length, style);
    }

    /// <summary>Appends text as it is (the caller has made it safe to show).</summary>
    public void Append(ReadOnlySpan<char> text, TextStyle style)
    {
        var written = Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
        Commit(written, style);
    }

    /// <summary>Room for at least <paramref name="size"/> bytes at the end; <see cref="Commit"/> says how many were used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int size)
    {
        if (_length + size > _bytes.Length)
        {
            Grow(size);
        }
        return _bytes.AsSpan(_length, size);
    }

    private void Grow(int size) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + size));

    /// <summary>
    /// Text without styles only counts the bytes, in the caller: a line is a few dozen appends, and a call
    /// for each into the styled bookkeeping below was the largest single method of the plain view.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit(int written, TextStyle style)
    {
        if (!_keepsStyles)
        {
            _length += written;
            return;
        }
        CommitStyled(written, style);
    }

    private void CommitStyled(int written, TextStyle style)
    {
        if (written == 0)
        {
            return;
        }
        if (_count > 0 && _segments[_count - 1] is var last && !last.Rendered && last.Style == style && last.Start + last.Length == _length)
        {
            _segments[_count - 1] = last with { Length = last.Length + written };
        }
        else
        {
            AddSegment(new Segment(_length, written, style));
        }
        _length += written;
    }

    private void AddSegment(in Segment segment)
    {
        if (_count == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }
        _segments[_count++] = segment;
    }

    public override string ToString() => Encoding.UTF8.GetString(Bytes);
}
