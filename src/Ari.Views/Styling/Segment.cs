namespace Ari.Views.Styling;

/// <summary>
/// A run of UTF-8 text in a <see cref="StyledText"/>'s buffer, and how it looks; or, when
/// <paramref name="Rendered"/>, bytes its writer made earlier (a span's label), which it copies as they are.
/// </summary>
internal readonly record struct Segment(int Start, int Length, TextStyle Style, bool Rendered = false);
