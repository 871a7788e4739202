namespace Ari.Tokio;

/// <summary>The fields of Tokio's instrumentation that the tracker reads, by their names in tracing.</summary>
internal enum TokioField : byte
{
    /// <summary>Any other field.</summary>
    None,
    Op,
    TaskId,
    TaskName,
    Kind,
    Fn,
    LocFile,
    LocLine,
    LocCol,
    SpawnLocation,
    ConcreteType,
    IsInternal,
    Source,
    OpName,
    IsReady,
}

internal static class TokioFields
{
    public static TokioField Of(string name) => name switch
    {
        "op" => TokioField.Op,
        "task.id" => TokioField.TaskId,
        "task.name" => TokioField.TaskName,
        "kind" => TokioField.Kind,
        "fn" => TokioField.Fn,
        "loc.file" => TokioField.LocFile,
        "loc.line" => TokioField.LocLine,
        "loc.col" => TokioField.LocCol,
        "spawn.location" => TokioField.SpawnLocation,
        "concrete_type" => TokioField.ConcreteType,
        "is_internal" => TokioField.IsInternal,
        "source" => TokioField.Source,
        "op_name" => TokioField.OpName,
        "is_ready" => TokioField.IsReady,
        _ => TokioField.None,
    };
}
