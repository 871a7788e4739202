namespace Ari.Console.Ui;

/// <summary>
/// Where the user is in one list: the selected row, the first row on screen, and the sort (column and
/// direction, as tokio-console's h/l and i change them).
/// </summary>
internal sealed class ListCursor
{
    public int Selected { get; set; }

    public int Top { get; set; }

    public int SortColumn { get; set; }

    public bool Descending { get; set; }

    /// <summary>Keeps the selection within <paramref name="count"/> rows and on a screen of <paramref name="height"/> rows.</summary>
    public void Fit(int count, int height)
    {
        Selected = Math.Clamp(Selected, 0, Math.Max(0, count - 1));
        if (height <= 0)
        {
            Top = Selected;
            return;
        }
        if (Selected < Top)
        {
            Top = Selected;
        }
        else if (Selected >= Top + height)
        {
            Top = Selected - height + 1;
        }
        Top = Math.Clamp(Top, 0, Math.Max(0, count - height));
    }
}
