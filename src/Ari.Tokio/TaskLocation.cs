namespace Ari.Tokio;

/// <summary>Tells where a task was spawned from (its location text, see <see cref="LocationTexts"/>).</summary>
public static class TaskLocation
{
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
            // A path that starts with "/src/" has no crate directory before it.
            var start = at == 0 ? 0 : path.LastIndexOf('/', at - 1) + 1;
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
