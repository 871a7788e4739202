namespace Ari.Console.Frames;

/// <summary>What a piece of a frame is, so a writer (ANSI, plain, the interactive UI) can decide how it looks.</summary>
public enum FrameStyle
{
    Plain,

    /// <summary>The header's recording and time cursor.</summary>
    Title,

    /// <summary>A table's column names.</summary>
    ColumnNames,

    /// <summary>A task's ID, a resource's span ID.</summary>
    Id,

    Running,
    Scheduled,
    Idle,

    /// <summary>A closed task, or a closed resource: faded.</summary>
    Done,

    Warning,

    /// <summary>A damaged or cut recording.</summary>
    Problem,

    /// <summary>The footer's keys.</summary>
    Keys,
}
