using Ari.Views;
using Ari.Views.Tests.Support;

namespace Ari.Views.Tests;

/// <summary>Every format and layout of the article examples, as golden files.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string, ViewFormat, ViewLayout> Cases()
    {
        var cases = new TheoryData<string, ViewFormat, ViewLayout>();
        foreach (var example in new[] { "spinner", "wakes", "oneshot" })
        {
            foreach (var format in new[] { ViewFormat.Plain, ViewFormat.Ansi, ViewFormat.Html })
            {
                cases.Add(example, format, ViewLayout.Line);
                cases.Add(example, format, ViewLayout.Tree);
            }
            cases.Add(example, ViewFormat.Json, ViewLayout.Line);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_its_snapshot(string example, ViewFormat format, ViewLayout layout)
    {
        var output = Rendered.File(StoredRecordings.Of(example), format, layout);

        var extension = format switch
        {
            ViewFormat.Html => "html",
            ViewFormat.Json => "jsonl",
            ViewFormat.Ansi => "ansi.txt",
            _ => "txt",
        };
        var name = format == ViewFormat.Json
            ? $"{example}.{extension}"
            : $"{example}.{layout.ToString().ToLowerInvariant()}.{extension}";
        Snapshot.Match(name, Normalised.Text(output));
    }
}
