using Ari.Testing;

namespace Ari.Views.Tests.Support;

/// <summary>
/// Golden files under <c>tests/Ari.Views.Tests/Snapshots/</c>. After an intended change, refresh them
/// with <c>ARI_UPDATE_SNAPSHOTS=1 dotnet test tests/Ari.Views.Tests</c> and review the diff.
/// </summary>
internal static class Snapshot
{
    public static readonly bool Updating = Environment.GetEnvironmentVariable("ARI_UPDATE_SNAPSHOTS") is "1" or "record";

    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Ari.Views.Tests", "Snapshots");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        if (Updating)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {path}: run with ARI_UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            File.WriteAllText(path + ".actual", actual);
            Assert.Fail($"{name} differs from its snapshot; the output is in {path}.actual (ARI_UPDATE_SNAPSHOTS=1 accepts it)");
        }
    }
}
