using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>
/// A line of ari's ANSI view (24-bit colour, bold, dim, underline, reset: what its writer makes) as the
/// screen's cells and looks, so a task's own lines look in the console as <c>ari show</c> colours them.
/// The view escapes control characters in recorded values, so every ESC in a line opens a style.
/// </summary>
internal static class AnsiLine
{
    public static ScreenLine Parse(string line, bool selected)
    {
        var cells = new List<FrameCell>();
        var looks = new List<TextLook>();
        var look = new TextLook();
        var start = 0;
        while (start < line.Length)
        {
            var escape = line.IndexOf('\e', start);
            var end = escape < 0 ? line.Length : escape;
            if (end > start)
            {
                cells.Add(new FrameCell(line[start..end]));
                looks.Add(look);
            }
            if (escape < 0)
            {
                break;
            }
            var close = line.IndexOf('m', escape);
            if (close < 0 || escape + 1 >= line.Length || line[escape + 1] != '[')
            {
                break;
            }
            look = Apply(look, line[(escape + 2)..close].Split(';'));
            start = close + 1;
        }
        return new ScreenLine(cells, selected, looks);
    }

    private static TextLook Apply(TextLook look, string[] codes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            switch (codes[i])
            {
                case "" or "0":
                    look = new TextLook();
                    break;
                case "1":
                    look = look with { Bold = true };
                    break;
                case "2":
                    look = look with { Dim = true };
                    break;
                case "4":
                    look = look with { Underline = true };
                    break;
                case "38" when i + 4 < codes.Length && codes[i + 1] == "2":
                    look = look with { Rgb = (Byte(codes[i + 2]) << 16) | (Byte(codes[i + 3]) << 8) | Byte(codes[i + 4]) };
                    i += 4;
                    break;
            }
        }
        return look;
    }

    private static uint Byte(string code) => uint.TryParse(code, out var value) ? Math.Min(value, 255) : 0;
}
