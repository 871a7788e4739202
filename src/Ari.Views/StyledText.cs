using System.Text;

namespace Ari.Views;

/// <summary>
/// One rendered entry as styled segments over a single UTF-8 buffer: layouts append, writers read.
/// Reused from entry to entry, so a warmed-up view appends without allocating. Adjacent text of the
/// same style merges into one segment.
/// </summary>
public sealed class StyledText
{
    private byte[] _bytes = new byte[4096];
    private int _length;
    private Segment[] _segments = new Segment[64];
    private int _count;

    public ReadOnlySpan<Segment> Segments => _segments.AsSpan(0, _count);

    public ReadOnlySpan<byte> TextOf(in Segment segment) => _bytes.AsSpan(segment.Start, segment.Length);

    /// <summary>All the text, without styles.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        _count = 0;
    }

    public void Append(ReadOnlySpan<byte> utf8, TextStyle style)
    {
        utf8.CopyTo(Reserve(utf8.Length));
        Commit(utf8.Length, style);
    }

    /// <summary>Appends text as it is (the caller has made it safe to show).</summary>
    public void Append(ReadOnlySpan<char> text, TextStyle style)
    {
        var written = Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
        Commit(written, style);
    }

    public void Append(StyledText other)
    {
        foreach (var segment in other.Segments)
        {
            Append(other.TextOf(segment), segment.Style);
        }
    }

    /// <summary>Room for at least <paramref name="size"/> bytes at the end; <see cref="Commit"/> says how many were used.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_length + size > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + size));
        }
        return _bytes.AsSpan(_length, size);
    }

    public void Commit(int written, TextStyle style)
    {
        if (written == 0)
        {
            return;
        }
        if (_count > 0 && _segments[_count - 1] is var last && last.Style == style && last.Start + last.Length == _length)
        {
            _segments[_count - 1] = last with { Length = last.Length + written };
        }
        else
        {
            if (_count == _segments.Length)
            {
                Array.Resize(ref _segments, _segments.Length * 2);
            }
            _segments[_count++] = new Segment(_length, written, style);
        }
        _length += written;
    }

    public override string ToString() => Encoding.UTF8.GetString(Bytes);
}
