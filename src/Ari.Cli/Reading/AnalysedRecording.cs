using System.CommandLine;

namespace Ari.Cli;

/// <summary>The recording argument of an analysis command, with <c>--until</c> to analyse it as it stood at a moment.</summary>
internal sealed class AnalysedRecording
{
    public Argument<string> File { get; } = AnalysisInput.File();

    public Option<string?> Until { get; } = new("--until")
    {
        Description = "The program as it stood at this time, as ari console shows it there: RFC 3339 (2024-01-30T15:43:24.01Z) "
            + "or an offset from the first record (+1.5s, +250ms). Tasks and resources alive then are listed as alive, with "
            + "their figures up to then; warnings that only the program's end can show are left out",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Until);
    }

    public RecordingCut From(ParseResult result) =>
        new(result.GetRequiredValue(File), ViewOptions.ParseTime(result.GetValue(Until), "--until"));
}
