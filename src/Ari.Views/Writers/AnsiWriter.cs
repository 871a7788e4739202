using System.Buffers;
using System.Text;
using Ari.Views.Styling;

namespace Ari.Views.Writers;

/// <summary>
/// Styled text for a terminal: each styled segment opens with one SGR sequence (bold 1, dim 2,
/// underline 4, then a 24-bit colour 38;2;R;G;B) and ends with a reset, as the <c>colored</c> crate
/// wrote ari-subscriber's output.
/// </summary>
internal sealed class AnsiWriter : ISegmentWriter
{
    private static readonly byte[] Reset = "\e[0m"u8.ToArray();

    /// <summary>The longest opener (<c>ESC[1;2;4;38;2;255;255;255m</c>) and a reset, with room to spare.</summary>
    private const int MaxDecoration = 32;

    private readonly StyleBytesCache _openers = new(Sgr);

    /// <summary>Asks the output for room for the whole line once: a line has a dozen segments or more.</summary>
    public void Write(StyledText text, IBufferWriter<byte> output)
    {
        var segments = text.Segments;
        var line = output.GetSpan(text.Bytes.Length + (segments.Length * MaxDecoration));
        var at = 0;
        foreach (var segment in segments)
        {
            if (segment.Rendered)
            {
                at += Copy(text.TextOf(segment), line[at..]);
                continue;
            }
            var plain = segment.Style.IsPlain;
            if (!plain)
            {
                at += Copy(_openers.For(segment.Style), line[at..]);
            }
            at += Copy(text.TextOf(segment), line[at..]);
            if (!plain)
            {
                at += Copy(Reset, line[at..]);
            }
        }
        output.Advance(at);
    }

    private static int Copy(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ShortCopy.CopyTo(bytes, destination);
        return bytes.Length;
    }

    private static string Sgr(TextStyle style)
    {
        var codes = new List<string>(4);
        if (style.Has(Emphasis.Bold))
        {
            codes.Add("1");
        }
        if (style.Has(Emphasis.Dim))
        {
            codes.Add("2");
        }
        if (style.Has(Emphasis.Underline))
        {
            codes.Add("4");
        }
        if (style.Tint != Tint.None)
        {
            var rgb = Palette.Rgb(style.Tint);
            codes.Add($"38;2;{rgb >> 16};{(rgb >> 8) & 0xff};{rgb & 0xff}");
        }
        return $"\e[{string.Join(';', codes)}m";
    }
}
