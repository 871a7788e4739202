using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// What a row keeps of another task (the one that spawned it, the one a resource was made in) to label
/// it: its parts, not the label, since text made for every row would cost more than the rest of it. Packed
/// in the row (<see cref="EndedRows{T}"/>), its naming by number: most tasks are spawned by tasks of their
/// own and most resources are made in one, so one kept identity a task would cost more than the row.
/// </summary>
internal sealed record TaskIdentity(TaskNaming Naming, ulong? TokioId, ulong SpanId)
{
    /// <summary>The task as ari names it elsewhere (<see cref="TaskSpan.Label"/>).</summary>
    public string Label => TaskSpan.Label(Naming.Name, Naming.Kind, TokioId, SpanId);

    /// <summary>Packs the identity of <paramref name="task"/>, or none.</summary>
    public static void Write(RowWriter figures, TaskSpan? task, RowParts parts)
    {
        figures.Write(task is null ? 0 : task.TokioId is null ? 1 : 2);
        if (task is null)
        {
            return;
        }
        if (task.TokioId is { } tokioId)
        {
            figures.Write(tokioId);
        }
        figures.Write(task.Id);
        figures.Write(parts.NumberOf(TaskNaming.Of(task)));
    }

    /// <summary>The identity packed by <see cref="Write"/>; null for none.</summary>
    public static TaskIdentity? Read(ref RowReader figures, RowParts parts)
    {
        var kind = figures.ReadInt();
        if (kind == 0)
        {
            return null;
        }
        ulong? tokioId = kind == 2 ? figures.Read() : null;
        var spanId = figures.Read();
        return new TaskIdentity(parts.PartAt<TaskNaming>(figures.ReadInt()), tokioId, spanId);
    }
}
