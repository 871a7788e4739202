namespace Ari.Console.Ui;

/// <summary>
/// Where things are on a painted screen, for the mouse: the first row of the body's scrolling rows and
/// how many are shown from which, and the timeline's row.
/// </summary>
internal readonly record struct ScreenLayout(int RowsTop, int RowsShown, int FirstRow, int TimelineRow);
