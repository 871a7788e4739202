namespace Ari.Cli;

/// <summary><c>--color</c>: whether a view without an explicit <c>--format</c> is coloured.</summary>
internal enum ColorMode
{
    /// <summary>Colour when the output is a terminal and <c>NO_COLOR</c> is unset or empty.</summary>
    Auto,
    Always,
    Never,
}
