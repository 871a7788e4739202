using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// What a row keeps of another task (the one that spawned it, the one a resource was made in) to label
/// it: its parts, not the label, since text made for every row would cost more than the rest of it. One
/// instance for every row that names the same task (<see cref="RowParts"/>): the tasks a task spawns
/// share it, where a copy in each row would cost each row its size.
/// </summary>
internal sealed record TaskIdentity(TaskNaming Naming, ulong? TokioId, ulong SpanId)
{
    /// <summary>The identity of <paramref name="task"/>, shared; null for none.</summary>
    public static TaskIdentity? Of(TaskSpan? task, RowParts parts) =>
        task is null ? null : parts.Share(new TaskIdentity(parts.Share(TaskNaming.Of(task)), task.TokioId, task.Id));

    /// <summary>The task as ari names it elsewhere (<see cref="TaskSpan.Label"/>).</summary>
    public string Label => TaskSpan.Label(Naming.Name, Naming.Kind, TokioId, SpanId);
}
