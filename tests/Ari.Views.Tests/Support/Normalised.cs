using System.Text.RegularExpressions;

namespace Ari.Views.Tests.Support;

/// <summary>
/// Output with what changes from run to run masked: wall-clock times, OS thread IDs, and Tokio's own
/// task IDs (the <c>task.id</c> field of a <c>runtime.spawn</c> span; a waker's <c>task.id</c> is a
/// span ID and stays).
/// </summary>
internal static partial class Normalised
{
    public static string Text(string output)
    {
        output = Date().Replace(output, "YYYY-MM-DD");
        output = Time().Replace(output, "HH:MM:SS");
        output = Micros().Replace(output, ".ffffffZ");
        output = TokioTaskId().Replace(output, "task.id=N, loc.file");
        output = JsonTaskId().Replace(output, "\"task.id\":N,\"loc.file\"");
        return Tid().Replace(output, "\"tid\":0");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}(?=T|\e\[0m|</span>)")]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<=T|T\e\[0m\e\[[0-9;]*m|T</span><span class=""[a-z -]*"">)\d{2}:\d{2}:\d{2}")]
    private static partial Regex Time();

    [GeneratedRegex(@"\.\d{6}Z")]
    private static partial Regex Micros();

    [GeneratedRegex(@"task\.id=\d+, loc\.file")]
    private static partial Regex TokioTaskId();

    [GeneratedRegex(@"""task\.id"":\d+,""loc\.file""")]
    private static partial Regex JsonTaskId();

    [GeneratedRegex(@"""tid"":\d+")]
    private static partial Regex Tid();
}
