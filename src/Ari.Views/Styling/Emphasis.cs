namespace Ari.Views.Styling;

/// <summary>How a piece of text stands out besides its colour.</summary>
[Flags]
internal enum Emphasis : byte
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Underline = 4,
}
