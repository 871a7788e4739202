namespace Ari.Testing;

/// <summary>
/// A temporary directory for one test process's recordings and files. It lives as long as the process,
/// so any test may read what another made in it, and is deleted when the process exits, so that run after
/// run nothing piles up in the temporary directory.
/// </summary>
internal static class ScratchDirectory
{
    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(path);
        return path;
    }

    private static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A program a test started may still be writing its recording here; the process is ending anyway.
        }
    }
}
