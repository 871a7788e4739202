using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>Times in analysis views: relative to the recording's first entry in tables, RFC 3339 in JSON.</summary>
internal static class AnalysisClock
{
    public static string Relative(TokioAnalysis analysis, ulong timestamp) =>
        "+" + Durations.Text(timestamp >= analysis.Start ? timestamp - analysis.Start : 0);

    public static string Absolute(TokioAnalysis analysis, ulong timestamp) =>
        analysis.Replay is { } replay ? Timestamps.Rfc3339(replay.WallClock(timestamp)) : timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? Optional(ulong? nanos) => nanos is { } value ? Durations.Text(value) : null;
}
