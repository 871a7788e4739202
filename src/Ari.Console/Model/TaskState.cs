namespace Ari.Console.Model;

/// <summary>
/// A task's state at a moment, in Ari.Tokio's terms: running = inside a poll (its span entered on some
/// thread); scheduled = woken (or spawned) and not polled since; idle = otherwise; done = closed.
/// </summary>
public enum TaskState
{
    Running,
    Scheduled,
    Idle,
    Done,
}
