using Ari.Testing;

namespace Ari.Views.Tests.Support;

/// <summary>
/// Recordings of the examples kept under <c>tests/Ari.Views.Tests/Recordings/</c>, so the snapshots of
/// multi-thread programs do not depend on one run's interleaving. <c>ARI_UPDATE_SNAPSHOTS=record</c>
/// records them again first.
/// </summary>
internal static class StoredRecordings
{
    private static readonly Dictionary<string, Lazy<string>> Paths = new();

    public static string Of(string example)
    {
        Lazy<string> path;
        lock (Paths)
        {
            if (!Paths.TryGetValue(example, out path!))
            {
                path = new Lazy<string>(() => Prepare(example));
                Paths[example] = path;
            }
        }
        return path.Value;
    }

    private static string Prepare(string example)
    {
        var stored = Path.Combine(RepoPaths.Root, "tests", "Ari.Views.Tests", "Recordings", example + ".ari");
        if (Environment.GetEnvironmentVariable("ARI_UPDATE_SNAPSHOTS") == "record")
        {
            File.Copy(Examples.Record(example).Recording, stored, overwrite: true);
        }
        return stored;
    }
}
