using System.Text.RegularExpressions;
using Ari.Testing;

namespace Ari.Console.Tests;

/// <summary>
/// Frames as golden files under <c>tests/Ari.Console.Tests/Frames/</c>, with times and long span IDs
/// normalised, so a recording made again (<c>ARI_UPDATE_SNAPSHOTS=record</c> in Ari.Views.Tests) changes
/// only what it should. After an intended change: <c>ARI_UPDATE_SNAPSHOTS=1 dotnet test tests/Ari.Console.Tests</c>, then review the diff.
/// </summary>
internal static partial class GoldenFrames
{
    private static readonly bool Updating = Environment.GetEnvironmentVariable("ARI_UPDATE_SNAPSHOTS") is "1" or "record";

    public static void Match(string name, string frame)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Ari.Console.Tests", "Frames", name + ".txt");
        var actual = Normalised(frame);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden frame {path}: run with ARI_UPDATE_SNAPSHOTS=1 to write it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>
    /// Durations (<c>12.3µs</c>, <c>+1.20s</c>) become <c>T</c>; span IDs with a slab generation (ten digits or
    /// more) become <c>ID</c>; a line's run of histogram bars, whose shape is the durations', becomes one <c>▇</c>.
    /// </summary>
    public static string Normalised(string frame) => Bars().Replace(LongId().Replace(Duration().Replace(frame, "T"), "ID"), "▇");

    [GeneratedRegex(@"\+?\d+(\.\d+)?(ns|µs|ms|s)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b\d{10,}\b")]
    private static partial Regex LongId();

    [GeneratedRegex("[▁-█](?:[ ▁-█]*[▁-█])?")]
    private static partial Regex Bars();
}
