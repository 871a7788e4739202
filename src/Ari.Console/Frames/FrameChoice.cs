using System.Globalization;

namespace Ari.Console.Frames;

/// <summary>Which view a frame shows: <c>tasks</c>, <c>task:ID</c> (Tokio's task ID), <c>resources</c> or <c>warnings</c>, as <c>--frame</c> takes it.</summary>
public readonly record struct FrameChoice(FrameView View, ulong TaskId = 0)
{
    public const string Forms = "tasks, task:ID (Tokio's task ID, as ari tasks shows first), resources or warnings";

    public static bool TryParse(string text, out FrameChoice choice)
    {
        choice = default;
        switch (text)
        {
            case "tasks":
                choice = new FrameChoice(FrameView.Tasks);
                return true;
            case "resources":
                choice = new FrameChoice(FrameView.Resources);
                return true;
            case "warnings":
                choice = new FrameChoice(FrameView.Warnings);
                return true;
        }
        if (text.StartsWith("task:", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            choice = new FrameChoice(FrameView.Task, id);
            return true;
        }
        return false;
    }
}
