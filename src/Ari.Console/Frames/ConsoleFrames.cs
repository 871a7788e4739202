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
        // The column names take a line of the room between header and footer.
        var room = frame.RoomLeft - FrameChrome.FooterLines - 1;
        var ((table, count), keys, none) = choice.View switch
        {
            FrameView.Tasks => (TasksFrame.Table(snapshot, options.HideDone, room), TasksFrame.Keys, "no tasks"),
            FrameView.Resources => (ResourcesFrame.Table(snapshot, room), ResourcesFrame.Keys, "no resources"),
            _ => (WarningsFrame.Table(snapshot, room), WarningsFrame.Keys, "no warnings"),
        };
        if (count == 0)
        {
            frame.Add(none);
        }
        else
        {
            table.DrawInto(frame, table.RowCount + 1);
            if (table.RowCount < count)
            {
                frame.Add($"… {count - table.RowCount} more", FrameStyle.Keys);
            }
        }
        FrameChrome.Footer(frame, keys);
        return frame;
    }
}
