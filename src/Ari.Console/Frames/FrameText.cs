using Ari.Views.Styling;

namespace Ari.Console.Frames;

/// <summary>Recorded text made fit for a screen: control characters escaped as the views escape them, and long text cut with '…'.</summary>
internal static class FrameText
{
    public static string Visible(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        // Almost every text has nothing to escape; a list of a long recording's tasks asks for millions
        // (a StyledText a call, with its 4 KB buffer, made 23 GB of garbage for 400,000 tasks' rows).
        if (!TextEscapes.HasControls(text))
        {
            return text;
        }
        var styled = new StyledText(keepsStyles: false);
        TextEscapes.AppendVisible(styled, text, TextStyle.Plain);
        return styled.ToString();
    }

    /// <summary><paramref name="text"/> in at most <paramref name="width"/> characters, its middle given up for "…": both ends of a file name tell files apart.</summary>
    public static string Middle(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }
        if (width <= 1)
        {
            return text[..width];
        }
        var head = (width - 1) / 2;
        return text[..head] + "…" + text[^(width - 1 - head)..];
    }

    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..width] : text[..(width - 1)] + "…";
}
