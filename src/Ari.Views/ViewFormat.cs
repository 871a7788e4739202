namespace Ari.Views;

/// <summary>What <c>ari show</c> and <c>ari run</c> write.</summary>
public enum ViewFormat : byte
{
    /// <summary>Text with 24-bit colour escapes, for a terminal.</summary>
    Ansi,

    /// <summary>The same text without escapes: ari-subscriber 0.0.1's output, byte for byte.</summary>
    Plain,

    /// <summary>A standalone page that looks like the terminal.</summary>
    Html,

    /// <summary>One JSON object a line.</summary>
    Json,
}
