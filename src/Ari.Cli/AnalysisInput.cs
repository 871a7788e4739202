using System.CommandLine;
using Ari.Tokio;

namespace Ari.Cli;

/// <summary>What the analysis commands share: the recording argument, <c>--format</c>, and one pass over the file.</summary>
public static class AnalysisInput
{
    public static Argument<string> File() => new("file") { Description = "The recording (from ari record)" };

    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>
    /// Reads the whole recording through the tracker, keeping the <paramref name="parts"/> the command
    /// shows; <paramref name="listen"/> may subscribe to the tracker's reports before reading starts. A
    /// damaged or cut recording is still analysed as far as it goes; the exit code says so
    /// (RecordingReader reports it on stderr).
    /// </summary>
    public static TokioAnalysis Analyze(
        string path, AnalysisParts parts, out int exitCode, LintOptions? lint = null, Action<TokioTracker>? listen = null)
    {
        var analysis = new TokioAnalysis(lint, parts);
        listen?.Invoke(analysis.Tracker);
        exitCode = RecordingReader.Read(path, (entry, replay) => analysis.Observe(entry, replay));
        analysis.Finish();
        return analysis;
    }

    /// <summary>Runs a view into stdout; a table goes through a text writer, JSON straight to the stream.</summary>
    public static void ToStdout(Action<TextWriter> table)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        table(stdout);
    }

    public static void ToStdout(Action<Stream> json)
    {
        using var stdout = Console.OpenStandardOutput();
        json(stdout);
    }
}
