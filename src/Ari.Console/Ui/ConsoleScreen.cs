using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Ari.Console.Ui;

/// <summary>
/// The console in the terminal: one view over the whole screen that paints what
/// <see cref="ConsolePainter"/> lays out, and turns keys (<see cref="ConsoleKeys"/>) and the mouse (a click
/// selects, a double click opens, the wheel scrolls, a click or drag on the timeline moves the time cursor)
/// into the session's commands.
/// </summary>
internal sealed class ConsoleScreen : Runnable
{
    private const int WheelRows = 3;
    private readonly ScreenPalette _palette;
    private ScreenLayout _layout;

    public ConsoleScreen(ConsoleSession session, bool colour)
    {
        Session = session;
        _palette = new ScreenPalette(colour);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    public ConsoleSession Session { get; }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var (lines, layout) = ConsolePainter.Paint(Session, width, Viewport.Height);
        _layout = layout;
        for (var y = 0; y < lines.Count; y++)
        {
            var line = lines[y];
            Move(0, y);
            var x = 0;
            for (var i = 0; i < line.Cells.Count && x < width; i++)
            {
                var cell = line.Cells[i];
                var text = cell.Text.Length > width - x ? cell.Text[..(width - x)] : cell.Text;
                SetAttribute(line.Looks is { } looks ? _palette.Of(looks[i], line.Selected) : _palette.Of(cell.Style, line.Selected));
                AddStr(text);
                x += text.Length;
            }
            SetAttribute(_palette.Of(Frames.FrameStyle.Plain, line.Selected));
            AddStr(new string(' ', Math.Max(0, width - x)));
        }
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (!ConsoleKeys.Handle(Session, key, Viewport.Width))
        {
            return false;
        }
        Changed();
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } at)
        {
            return false;
        }
        var flags = mouse.Flags;
        if (at.Y == _layout.TimelineRow && (flags.HasFlag(MouseFlags.LeftButtonPressed) || flags.HasFlag(MouseFlags.LeftButtonClicked)))
        {
            Session.MoveToPlace(at.X, Viewport.Width);
        }
        else if (flags.HasFlag(MouseFlags.WheeledDown) || flags.HasFlag(MouseFlags.WheeledUp))
        {
            Session.Move(flags.HasFlag(MouseFlags.WheeledDown) ? WheelRows : -WheelRows);
        }
        else if (at.Y >= _layout.RowsTop && at.Y < _layout.RowsTop + _layout.RowsShown
            && (flags.HasFlag(MouseFlags.LeftButtonClicked) || flags.HasFlag(MouseFlags.LeftButtonDoubleClicked)))
        {
            Session.Select(_layout.FirstRow + at.Y - _layout.RowsTop);
            if (flags.HasFlag(MouseFlags.LeftButtonDoubleClicked))
            {
                Session.Open(Viewport.Width);
            }
        }
        else
        {
            return false;
        }
        Changed();
        return true;
    }

    /// <summary>Draws again, or ends the console when the user asked to quit.</summary>
    public void Changed()
    {
        if (Session.QuitRequested)
        {
            App?.RequestStop();
            return;
        }
        SetNeedsDraw();
    }
}
