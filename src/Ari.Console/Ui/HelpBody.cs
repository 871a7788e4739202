using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>The keys, as <c>?</c> shows them (docs/console.md's Keys section says the same).</summary>
internal static class HelpBody
{
    private static readonly (string Keys, string What)[] Keys =
    [
        ("t  r  w", "tasks, resources, warnings"),
        ("↑ ↓  j k", "select a row (PgUp PgDn Home End; the mouse wheel and a click too)"),
        ("enter", "details of the selected row; on a waker's use or a warning: move the console to its moment"),
        ("esc", "back"),
        ("← →  h l", "sort by the column to the left or right"),
        ("i", "invert the sort"),
        ("/", "filter tasks and resources by name, location or target (enter keeps it, esc clears it)"),
        ("d", "hide or show done tasks"),
        ("[  ]", "step the time cursor back or forward a little"),
        ("{  }", "step it back or forward ten times as far"),
        ("g", "jump to a time: +1.5s (from the first record) or RFC 3339; empty for the end"),
        ("G", "jump to the end (live: follow the program again)"),
        ("n  p", "the selected task's next or previous poll or wake"),
        ("v", "the selected task's own lines (as ari show --task); enter on one: the console at its moment"),
        ("click, drag", "on the timeline at the bottom: move the time cursor there"),
        ("space", "pause or follow a live program"),
        ("q  ctrl-c", "quit"),
    ];

    public static ScreenBody Of() => ScreenBody.Text(
        [new ScreenLine("Keys (esc: back)", FrameStyle.Title)],
        Keys.Select(key => new ScreenLine([new FrameCell(key.Keys.PadRight(14), FrameStyle.Id), new FrameCell(key.What)])).ToList());
}
