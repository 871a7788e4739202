using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>
/// A column of one of the console's tables: its name, a row's text in it, what the rows sort by when it is
/// the sort column (its text, unless given), how it aligns, how wide it may grow, and a row's look in it.
/// </summary>
internal sealed record TableColumn<T>(
    string Name,
    Func<T, string> Text,
    Func<T, IComparable?>? SortKey = null,
    bool AlignRight = false,
    int MaxWidth = 40,
    Func<T, FrameStyle?>? Style = null)
{
    public IComparable? KeyOf(T row) => SortKey is { } key ? key(row) : Text(row);
}
