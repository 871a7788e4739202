namespace Ari.Console.Frames;

/// <summary>How a frame is drawn: its size, and whether done tasks are left out.</summary>
public sealed record FrameOptions(FrameSize Size, bool HideDone = false);
