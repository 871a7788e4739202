using Ari.Export.Sql;
using Ari.Testing;

namespace Ari.Export.Tests;

public sealed class RecordingFleetTests
{
    private static string Files(params string[] files)
    {
        var directory = Examples.ScratchFile("fleet");
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, []);
        }
        return directory;
    }

    [Fact]
    public void A_pattern_matches_in_every_part_of_the_path_in_order_and_names_each_file_by_its_stem()
    {
        var directory = Files("x/app.ari", "y/db.ari", "y/db.txt", "z/sub/deep.ari", "top.ari");

        var fleet = RecordingFleet.Expand([Path.Combine(directory, "?/*.ari")]);

        Assert.True(fleet.IsFleet);
        Assert.Equal([("app", "x/app.ari"), ("db", "y/db.ari")],
            fleet.Recordings.Select(recording => (recording.Name, Path.GetRelativePath(directory, recording.Path))));
    }

    [Fact]
    public void Names_that_collide_get_a_number_in_the_order_given_and_a_file_given_twice_counts_once()
    {
        var directory = Files("a/app.ari", "b/app.ari", "c/App.ari", "app-2.ari");

        var fleet = RecordingFleet.Expand([Path.Combine(directory, "*/app.ari"), Path.Combine(directory, "a/app.ari"), Path.Combine(directory, "app-2.ari"), Path.Combine(directory, "c/App.ari")]);

        // The names become folder names of a Parquet export, which a file system may not tell apart by case.
        Assert.Equal(["app", "app-2", "app-2-2", "App-3"], fleet.Recordings.Select(recording => recording.Name));
        Assert.Equal(["a/app.ari", "b/app.ari", "app-2.ari", "c/App.ari"], fleet.Recordings.Select(recording => Path.GetRelativePath(directory, recording.Path)));
    }

    [Fact]
    public void One_file_is_not_a_fleet_and_a_pattern_that_matches_nothing_is_an_error()
    {
        var directory = Files("only.ari");

        Assert.False(RecordingFleet.Expand([Path.Combine(directory, "only.ari")]).IsFleet);
        Assert.True(RecordingFleet.Expand([Path.Combine(directory, "only.*")]).IsFleet);
        Assert.Throws<FileNotFoundException>(() => RecordingFleet.Expand([Path.Combine(directory, "*.nothing")]));
        Assert.Throws<FileNotFoundException>(() => RecordingFleet.Expand([Path.Combine(directory, "missing/*.ari")]));
    }
}
