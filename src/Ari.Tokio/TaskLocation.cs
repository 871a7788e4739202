using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// Where a task was spawned. Tasks carry <c>loc.file</c>/<c>loc.line</c>/<c>loc.col</c>; blocking tasks
/// (Tokio 1.24's blocking pool) carry one <c>spawn.location</c> text <c>file:line:col</c> instead.
/// </summary>
public static class TaskLocation
{
    internal static string? Of(TokioCallsite callsite, FieldValues values)
    {
        if (SpanFields.Text(callsite.Find(values, TokioField.LocFile)) is { } file)
        {
            var line = SpanFields.Text(callsite.Find(values, TokioField.LocLine));
            var col = SpanFields.Text(callsite.Find(values, TokioField.LocCol));
            return line is null ? file : col is null ? $"{file}:{line}" : $"{file}:{line}:{col}";
        }
        return SpanFields.Text(callsite.Find(values, TokioField.SpawnLocation));
    }

    /// <summary>
    /// True for a location inside Tokio's own sources (<c>…/tokio-1.24.2/src/…</c>, <c>…/tokio/src/…</c>):
    /// Tokio spawns its multi-thread workers with <c>spawn_blocking</c>, so on a runtime built after the
    /// subscriber each worker thread runs inside such a span for its whole life.
    /// </summary>
    public static bool IsInsideTokio(string? location)
    {
        if (location is null)
        {
            return false;
        }
        var path = location.Replace('\\', '/');
        var at = path.IndexOf("/src/", StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = path.LastIndexOf('/', Math.Max(at - 1, 0)) + 1;
            var crate = path[start..at];
            if (crate == "tokio" || (crate.StartsWith("tokio-", StringComparison.Ordinal) && crate.Length > 6 && char.IsAsciiDigit(crate[6])))
            {
                return true;
            }
            at = path.IndexOf("/src/", at + 1, StringComparison.Ordinal);
        }
        return path.StartsWith("tokio/src/", StringComparison.Ordinal);
    }
}
