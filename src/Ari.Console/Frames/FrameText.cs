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
        var styled = new StyledText(keepsStyles: false);
        TextEscapes.AppendVisible(styled, text, TextStyle.Plain);
        return styled.ToString();
    }

    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..width] : text[..(width - 1)] + "…";
}
