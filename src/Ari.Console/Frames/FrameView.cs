namespace Ari.Console.Frames;

/// <summary>The console's views a frame can show.</summary>
public enum FrameView
{
    Tasks,

    /// <summary>One task's details (<see cref="FrameChoice.TaskId"/>).</summary>
    Task,
    Resources,
    Warnings,
}
