using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// What names a task besides its IDs, alike for every task spawned at one place: one instance for all
/// of them (<see cref="RowParts"/>), held by each row and by the rows that name the task.
/// </summary>
internal sealed record TaskNaming(string Name, string Kind, string? Location, string Target, bool IsRuntime)
{
    public static TaskNaming Of(TaskSpan task) => new(task.Name, task.Kind, task.Location, task.Span.Callsite.Target, task.IsRuntime);
}
