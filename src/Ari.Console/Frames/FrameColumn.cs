namespace Ari.Console.Frames;

/// <summary>A table column: its name, whether numbers line up on the right, and the widest it may grow (text beyond is cut with '…').</summary>
public sealed record FrameColumn(string Name, bool AlignRight = false, int MaxWidth = int.MaxValue);
