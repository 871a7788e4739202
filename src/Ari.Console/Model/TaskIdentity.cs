using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// What a row keeps of another task (the one that spawned it, the one a resource was made in) to label
/// it: its parts, not the label, since text made for every row would cost more than the rest of it,
/// and its naming shared with every row that names a task spawned at the same place.
/// </summary>
internal readonly struct TaskIdentity
{
    private readonly TaskNaming? _naming;
    private readonly ulong? _tokioId;
    private readonly ulong _spanId;

    private TaskIdentity(TaskNaming naming, ulong? tokioId, ulong spanId)
    {
        _naming = naming;
        _tokioId = tokioId;
        _spanId = spanId;
    }

    /// <summary>The identity of <paramref name="task"/>; none (a null label) for none.</summary>
    public static TaskIdentity Of(TaskSpan? task, RowParts parts) =>
        task is null ? default : new TaskIdentity(parts.Share(TaskNaming.Of(task)), task.TokioId, task.Id);

    /// <summary>The task as ari names it elsewhere (<see cref="TaskSpan.Label"/>); null for none.</summary>
    public string? Label => _naming is null ? null : TaskSpan.Label(_naming.Name, _naming.Kind, _tokioId, _spanId);
}
