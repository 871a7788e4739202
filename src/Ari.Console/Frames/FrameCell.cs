namespace Ari.Console.Frames;

/// <summary>A run of visible text (control characters already escaped) and what it is.</summary>
public readonly record struct FrameCell(string Text, FrameStyle Style = FrameStyle.Plain);
