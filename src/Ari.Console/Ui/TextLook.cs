namespace Ari.Console.Ui;

/// <summary>How a run of text looks, apart from the terminal: a 24-bit colour (none: the terminal's own) and emphasis.</summary>
internal readonly record struct TextLook(uint? Rgb = null, bool Bold = false, bool Dim = false, bool Underline = false);
