namespace Ari.Export.Perfetto;

/// <summary>How a track of the <c>tasks</c> process is used.</summary>
internal enum LaneKind
{
    /// <summary>One task's, named after it.</summary>
    Own,

    /// <summary>Tasks one after another, each from its joining to its end, with their gaps.</summary>
    Shared,

    /// <summary>Polls of tasks that found every lane taken, each poll in the first lane free at its start.</summary>
    Polls,
}
