using System.Globalization;

namespace Ari.Console.Frames;

/// <summary>A screen's size in character cells: <c>COLSxROWS</c>, as <c>--size</c> takes it.</summary>
public readonly record struct FrameSize(int Columns, int Rows)
{
    /// <summary>The smallest screen the console is made for, and a frame's default.</summary>
    public static readonly FrameSize Default = new(80, 24);

    /// <summary>Smaller than this there is no room for a header, a row and a footer.</summary>
    public const int MinColumns = 20;

    public const int MinRows = 5;

    public static bool TryParse(string text, out FrameSize size)
    {
        size = default;
        var x = text.IndexOf('x', StringComparison.OrdinalIgnoreCase);
        if (x <= 0
            || !int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var columns)
            || !int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            || columns < MinColumns || rows < MinRows || columns > 10_000 || rows > 10_000)
        {
            return false;
        }
        size = new FrameSize(columns, rows);
        return true;
    }

    public override string ToString() => $"{Columns}x{Rows}";
}
