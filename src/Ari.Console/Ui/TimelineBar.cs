using Ari.Console.Frames;

namespace Ari.Console.Ui;

/// <summary>
/// The recording's span of time as one line across the screen, the time cursor on it: what has passed
/// by the moment shown drawn heavy, the rest light. A click or drag on it moves the cursor there
/// (<see cref="ConsoleSession.MoveToPlace"/> reads the same scale).
/// </summary>
internal static class TimelineBar
{
    public static ScreenLine Line(ConsoleSession session, int width)
    {
        if (session.Timeline is not { } timeline || width < 2)
        {
            return new ScreenLine("");
        }
        var recording = timeline.Recording;
        var span = recording.End - recording.Start;
        var at = span == 0 ? width - 1 : (int)Math.Round((double)(session.Cursor - recording.Start) / span * (width - 1));
        at = Math.Clamp(at, 0, width - 1);
        return new ScreenLine(
        [
            new FrameCell(new string('━', at), FrameStyle.Title),
            new FrameCell("●", FrameStyle.Running),
            new FrameCell(new string('─', width - 1 - at), FrameStyle.Keys),
        ]);
    }
}
