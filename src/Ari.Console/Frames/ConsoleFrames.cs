using Ari.Console.Model;

namespace Ari.Console.Frames;

/// <summary>Draws a view of the console at one moment of a recording into a frame: what <c>ari console --frame</c> prints.</summary>
public static class ConsoleFrames
{
    /// <summary>Null when <paramref name="choice"/> names a task not spawned by <paramref name="at"/>.</summary>
    public static Frame? Draw(RecordingTimeline timeline, FrameChoice choice, ulong at, FrameOptions options)
    {
        if (choice.View == FrameView.Task)
        {
            return timeline.TaskDetailsAt(at, choice.TaskId) is { } details ? TaskFrame.Draw(details, options) : null;
        }
        var snapshot = timeline.SnapshotAt(at);
        var frame = new Frame(options.Size);
        FrameChrome.Header(frame, snapshot, options.HideDone && choice.View == FrameView.Tasks);
        var (table, keys) = choice.View switch
        {
            FrameView.Tasks => (TasksFrame.Table(snapshot, options.HideDone), TasksFrame.Keys),
            FrameView.Resources => (ResourcesFrame.Table(snapshot), ResourcesFrame.Keys),
            _ => (WarningsFrame.Table(snapshot), WarningsFrame.Keys),
        };
        var room = frame.RoomLeft - FrameChrome.FooterLines;
        if (table.RowCount == 0)
        {
            frame.Add(choice.View switch { FrameView.Tasks => "no tasks", FrameView.Resources => "no resources", _ => "no warnings" });
            FrameChrome.Footer(frame, keys);
            return frame;
        }
        var drawn = table.DrawInto(frame, room - (table.RowCount + 1 > room ? 1 : 0));
        if (drawn < table.RowCount)
        {
            frame.Add($"… {table.RowCount - drawn} more", FrameStyle.Keys);
        }
        FrameChrome.Footer(frame, keys);
        return frame;
    }
}
