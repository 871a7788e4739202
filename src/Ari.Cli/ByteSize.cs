using System.Globalization;

namespace Ari.Cli;

/// <summary>
/// A size as a user writes it on the command line: a whole number of bytes, or with a unit, as DuckDB
/// reads its memory limit: <c>KiB</c>, <c>MiB</c>, <c>GiB</c> count in 1024s, <c>KB</c>, <c>MB</c>,
/// <c>GB</c> in 1000s, in any case.
/// </summary>
internal static class ByteSize
{
    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000),
        ("B", 1),
    ];

    /// <summary>A size already checked by <see cref="TryParse"/>.</summary>
    public static long Parse(string text) =>
        TryParse(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not a size");

    public static bool TryParse(string text, out long bytes)
    {
        var number = text.Trim();
        var scale = 1L;
        foreach (var (unit, unitBytes) in Units)
        {
            if (number.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^unit.Length].TrimEnd();
                scale = unitBytes;
                break;
            }
        }
        bytes = 0;
        return long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count <= long.MaxValue / scale
            && (bytes = count * scale) > 0;
    }
}
