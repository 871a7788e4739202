namespace Ari.Testing;

/// <summary>Where things are in this checkout, found from the test assembly's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CargoTarget => Path.Combine(Root, "target", "debug");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ari.slnx")) && File.Exists(Path.Combine(dir.FullName, "Cargo.toml")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no ari checkout above {AppContext.BaseDirectory}");
    }
}
