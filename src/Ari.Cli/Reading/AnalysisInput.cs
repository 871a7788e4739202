using System.CommandLine;
using Ari.Model;
using Ari.Tokio;
using Ari.Views.Analysis;

namespace Ari.Cli;

/// <summary>What the analysis commands share: the recording argument, <c>--format</c>, and one pass over the file.</summary>
internal static class AnalysisInput
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
    /// Makes <paramref name="action"/> the command's, run with the first generation collected every
    /// few MB (<see cref="CollectionPacer"/>): from reading to the last line written, the memory of an
    /// analysis (or of a query or export, beside DuckDB's own) is what it keeps plus that, however long
    /// the recording.
    /// </summary>
    public static void SetAction(Command command, Func<ParseResult, int> action) =>
        command.SetAction(result =>
        {
            using var pacer = new CollectionPacer(CollectionPacer.YoungBytes);
            return action(result);
        });

    /// <summary>
    /// Reads the whole recording through the tracker, keeping the <paramref name="parts"/> the command
    /// shows; <paramref name="listen"/>, when given, subscribes to the analysis before reading starts. A
    /// damaged or cut recording is still analysed as far as it goes; the exit code says so
    /// (RecordingReader reports it on stderr).
    /// </summary>
    public static TokioAnalysis Analyze(IConsole console, RecordingCut recording, AnalysisParts parts, out int exitCode, LintOptions? lint = null,
        Action<TokioAnalysis>? listen = null) =>
        Read(console, recording, new TokioAnalysis(lint, parts), out exitCode, listen);

    /// <summary>
    /// Reads the whole recording through the tracker with nothing kept: <paramref name="listen"/>
    /// subscribes to the tracker's reports (and the analysis's end) before reading starts, so memory
    /// follows what the listener keeps. Resources are followed only when <paramref name="followResources"/>
    /// says so. Returns the exit code, as <see cref="Analyze"/> sets it.
    /// </summary>
    public static int Follow(IConsole console, RecordingCut recording, Action<TokioAnalysis> listen, bool followResources = false)
    {
        Read(console, recording, new TokioAnalysis(parts: AnalysisParts.None, followResources: followResources), out var exitCode, listen);
        return exitCode;
    }

    private static TokioAnalysis Read(IConsole console, RecordingCut recording, TokioAnalysis analysis, out int exitCode, Action<TokioAnalysis>? listen)
    {
        listen?.Invoke(analysis);
        exitCode = RecordingReader.Read(recording, analysis, console.Error, out var stoppedAtCut);
        // Cut at a moment with records after it, the program went on: what was alive then is alive, not ended.
        analysis.Finish(recordingGoesOn: stoppedAtCut);
        return analysis;
    }

    /// <summary>Runs a view into stdout; a table goes through a text writer, JSON straight to the stream.</summary>
    public static void ToStdout(IConsole console, Action<TextWriter> table)
    {
        using var stdout = new StreamWriter(console.OpenStandardOutput()) { AutoFlush = false };
        table(stdout);
    }

    public static void ToStdout(IConsole console, Action<Stream> json)
    {
        // Standard output's stream is unbuffered: without a buffer, every JSON line was two system calls.
        using var stdout = new BufferedStream(console.OpenStandardOutput(), 64 * 1024);
        json(stdout);
    }

    /// <summary>
    /// <see cref="Follow"/>, while <paramref name="follow"/> writes JSON lines to stdout as the tracker
    /// reports: memory follows what is alive at once, not the recording's length.
    /// </summary>
    public static int FollowToStdout(IConsole console, RecordingCut recording, Action<TokioAnalysis, JsonLines> follow, bool followResources = false)
    {
        var exitCode = 0;
        ToStdout(console, stream =>
        {
            using var lines = new JsonLines(stream);
            exitCode = Follow(console, recording, analysis => follow(analysis, lines), followResources);
        });
        return exitCode;
    }

    /// <summary>
    /// <see cref="Follow"/>, while <paramref name="follow"/> makes a table's rows as the tracker reports
    /// and writes the table to stdout when the analysis finishes: memory follows the table's text, not
    /// the objects behind it.
    /// </summary>
    public static int FollowTableToStdout(IConsole console, RecordingCut recording, Action<TokioAnalysis, TextWriter> follow, bool followResources = false)
    {
        var exitCode = 0;
        ToStdout(console, (TextWriter writer) => exitCode = Follow(console, recording, analysis => follow(analysis, writer), followResources));
        return exitCode;
    }
}
