using System.Buffers;
using System.Text;

namespace Ari.Views;

/// <summary>
/// Styled text for a terminal: each styled segment opens with one SGR sequence (bold 1, dim 2,
/// underline 4, then a 24-bit colour 38;2;R;G;B) and ends with a reset, as the <c>colored</c> crate
/// wrote ari-subscriber's output.
/// </summary>
public sealed class AnsiWriter : ISegmentWriter
{
    private static readonly byte[] Reset = "\e[0m"u8.ToArray();
    private readonly StyleBytes _openers = new(Sgr);

    public void Write(StyledText text, IBufferWriter<byte> output)
    {
        foreach (var segment in text.Segments)
        {
            if (segment.Style.IsPlain)
            {
                output.Write(text.TextOf(segment));
                continue;
            }
            output.Write(_openers.For(segment.Style));
            output.Write(text.TextOf(segment));
            output.Write(Reset);
        }
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
