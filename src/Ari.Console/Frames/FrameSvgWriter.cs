using System.Globalization;
using System.Text;
using Ari.Views.Styling;

namespace Ari.Console.Frames;

/// <summary>
/// Writes a frame as a picture (SVG) of the terminal it stands for: its size in character cells, the HTML
/// view's background and foreground, monospace text, each cell in the colour and emphasis the ANSI frame
/// gives it (<see cref="FrameWriter.StyleOf"/>, the views' palette). Each cell is placed at its column, so
/// the columns line up whatever the font's width. For docs: a picture shows the colours where a text block
/// cannot.
/// </summary>
public static class FrameSvgWriter
{
    private const double FontSize = 14;

    // DejaVu Sans Mono's advance is 0.602 em, near enough every monospace font's.
    private const double CellWidth = FontSize * 0.6;
    private const double LineHeight = FontSize * 1.3;
    private const double Margin = FontSize;
    private const string Background = "#2b303b";
    private const string Foreground = "#c0c5ce";

    public static void Write(Frame frame, Stream output)
    {
        var width = Number((frame.Size.Columns * CellWidth) + (2 * Margin));
        var height = Number((frame.Size.Rows * LineHeight) + (2 * Margin));
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" ")
            .Append($"font-family=\"'DejaVu Sans Mono', ui-monospace, Menlo, Consolas, monospace\" font-size=\"{Number(FontSize)}\" fill=\"{Foreground}\" xml:space=\"preserve\">\n")
            // xml:space keeps the spaces inside a cell for SVG 1.1 readers, white-space for browsers, which follow CSS.
            .Append("<style>text { white-space: pre; }</style>\n")
            .Append($"<rect width=\"100%\" height=\"100%\" fill=\"{Background}\"/>\n");
        for (var row = 0; row < frame.Lines.Count; row++)
        {
            // The baseline sits a font size below the line's top, leaving the rest of the line for descenders.
            var y = Number(Margin + (row * LineHeight) + FontSize);
            var column = 0;
            foreach (var cell in frame.Lines[row])
            {
                if (!string.IsNullOrWhiteSpace(cell.Text))
                {
                    svg.Append($"<text x=\"{Number(Margin + (column * CellWidth))}\" y=\"{y}\"{Attributes(FrameWriter.StyleOf(cell.Style))}>");
                    AppendEscaped(svg, cell.Text.TrimEnd());
                    svg.Append("</text>\n");
                }
                column += cell.Text.Length;
            }
        }
        svg.Append("</svg>\n");
        output.Write(Encoding.UTF8.GetBytes(svg.ToString()));
    }

    private static string Attributes(TextStyle style)
    {
        var attributes = new StringBuilder();
        if (style.Tint != Tint.None)
        {
            attributes.Append($" fill=\"#{Palette.Rgb(style.Tint):x6}\"");
        }
        if (style.Has(Emphasis.Bold))
        {
            attributes.Append(" font-weight=\"bold\"");
        }
        if (style.Has(Emphasis.Underline))
        {
            attributes.Append(" text-decoration=\"underline\"");
        }
        if (style.Has(Emphasis.Dim))
        {
            // As the HTML view dims.
            attributes.Append(" opacity=\"0.67\"");
        }
        return attributes.ToString();
    }

    /// <summary>Markup characters as entities; a control character (which XML cannot hold) as the views show it, <c>\u{…}</c>.</summary>
    private static void AppendEscaped(StringBuilder svg, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => svg.Append("&amp;"),
                '<' => svg.Append("&lt;"),
                '>' => svg.Append("&gt;"),
                _ when c < ' ' || c == '\x7f' || c is '\uFFFE' or '\uFFFF' => svg.Append($"\\u{{{(int)c:x}}}"),
                _ => svg.Append(c),
            };
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
