namespace Ari.Console.Ui;

/// <summary>
/// What a screen shows between the header and the timeline: lines that stay put (a summary, column
/// names), then rows that scroll and can be selected, drawn only when on screen, each with the moment it
/// stands for when it has one (a waker's use, a warning: Enter moves the whole console there).
/// </summary>
internal sealed record ScreenBody(IReadOnlyList<ScreenLine> Fixed, int Count, Func<int, bool, ScreenLine> Row, Func<int, ulong?> MomentOf)
{
    /// <summary>Rows of text without moments.</summary>
    public static ScreenBody Text(IReadOnlyList<ScreenLine> fixedLines, IReadOnlyList<ScreenLine> rows) =>
        new(fixedLines, rows.Count, (i, selected) => rows[i] with { Selected = selected }, _ => null);
}
