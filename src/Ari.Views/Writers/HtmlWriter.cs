using System.Buffers;
using System.Text;
using Ari.Views.Styling;

namespace Ari.Views.Writers;

/// <summary>
/// A standalone page that looks like the terminal: dark background, monospace, one element per styled
/// segment with a class per palette colour (<c>spawn</c>, <c>waker-id</c>, …) and per emphasis
/// (<c>b</c>, <c>d</c>, <c>u</c>). Every text is escaped here, whatever the layout did; the page
/// forbids scripts as well. The entries go in parts of <see cref="EntriesAPart"/>, each its own
/// <c>pre</c> with <c>content-visibility: auto</c>: a browser lays out and paints only the parts on
/// screen, where one <c>pre</c> of a whole long recording is laid out whole before the first frame and on
/// every jump (docs/views.md has what Chromium took). The text stays whole for find and copy.
/// </summary>
internal sealed class HtmlWriter(string title) : ISegmentWriter
{
    public const int EntriesAPart = 500;

    private static readonly SearchValues<byte> Special = SearchValues.Create(SpecialBytes());
    private readonly StyleBytesCache _openers = new(OpenTag);
    private long _entries;

    public void WriteStart(IBufferWriter<byte> output)
    {
        var head = new StringBuilder();
        head.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        head.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        head.Append("<title>");
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
        head.Clear();
        WriteEscaped(Encoding.UTF8.GetBytes(title), output);
        head.Append("</title>\n<style>\n");
        head.Append("body { margin: 0; padding: 1em; background: #2b303b; color: #c0c5ce; }\n");
        head.Append("pre { margin: 0; font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; white-space: pre; }\n");
        // Until a part is first drawn it is as tall as its lines, near enough for the scroll bar.
        head.Append($"pre {{ content-visibility: auto; contain-intrinsic-size: auto {EntriesAPart}lh; }}\n");
        head.Append(".b { font-weight: bold; }\n.u { text-decoration: underline; }\n.d { opacity: .67; }\n");
        foreach (var tint in Enum.GetValues<Tint>())
        {
            if (tint != Tint.None)
            {
                head.Append($".{Palette.ClassName(tint)} {{ color: #{Palette.Rgb(tint):x6}; }}\n");
            }
        }
        head.Append("</style>\n</head>\n<body><pre>");
        output.Write(Encoding.UTF8.GetBytes(head.ToString()));
    }

    public void Write(StyledText text, IBufferWriter<byte> output)
    {
        if (_entries > 0 && _entries % EntriesAPart == 0)
        {
            output.Write("</pre><pre>"u8);
        }
        _entries++;
        foreach (var segment in text.Segments)
        {
            if (segment.Rendered)
            {
                output.Write(text.TextOf(segment));
                continue;
            }
            if (segment.Style.IsPlain)
            {
                WriteEscaped(text.TextOf(segment), output);
                continue;
            }
            output.Write(_openers.For(segment.Style));
            WriteEscaped(text.TextOf(segment), output);
            output.Write("</span>"u8);
        }
    }

    public void WriteEnd(IBufferWriter<byte> output) => output.Write("</pre></body>\n</html>\n"u8);

    /// <summary>Markup characters become entities; a control character other than a line break becomes a visible <c>\u{…}</c>.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        while (!text.IsEmpty)
        {
            var at = text.IndexOfAny(Special);
            if (at < 0)
            {
                output.Write(text);
                return;
            }
            output.Write(text[..at]);
            var c = text[at];
            switch (c)
            {
                case (byte)'&': output.Write("&amp;"u8); break;
                case (byte)'<': output.Write("&lt;"u8); break;
                case (byte)'>': output.Write("&gt;"u8); break;
                case (byte)'"': output.Write("&quot;"u8); break;
                case (byte)'\'': output.Write("&#39;"u8); break;
                default: output.Write(Encoding.ASCII.GetBytes($"\\u{{{c:x}}}")); break;
            }
            text = text[(at + 1)..];
        }
    }


    private static string OpenTag(TextStyle style)
    {
        var classes = new List<string>(4);
        if (style.Tint != Tint.None)
        {
            classes.Add(Palette.ClassName(style.Tint));
        }
        if (style.Has(Emphasis.Bold))
        {
            classes.Add("b");
        }
        if (style.Has(Emphasis.Dim))
        {
            classes.Add("d");
        }
        if (style.Has(Emphasis.Underline))
        {
            classes.Add("u");
        }
        return $"<span class=\"{string.Join(' ', classes)}\">";
    }

    private static byte[] SpecialBytes()
    {
        var bytes = new List<byte> { (byte)'&', (byte)'<', (byte)'>', (byte)'"', (byte)'\'', 0x7f };
        for (byte b = 0; b < 0x20; b++)
        {
            if (b != (byte)'\n')
            {
                bytes.Add(b);
            }
        }
        return [.. bytes];
    }
}
