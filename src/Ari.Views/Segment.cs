namespace Ari.Views;

/// <summary>A run of UTF-8 text in a <see cref="StyledText"/>'s buffer, and how it looks.</summary>
public readonly record struct Segment(int Start, int Length, TextStyle Style);
