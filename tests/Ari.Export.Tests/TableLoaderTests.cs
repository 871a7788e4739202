using Ari.Export.Sql;
using Ari.Testing;

namespace Ari.Export.Tests;

public sealed class TableLoaderTests
{
    private static long Count(RecordingDatabase database, string table)
    {
        using var reader = database.Query($"SELECT count(*) FROM {table}");
        reader.Read();
        return reader.GetInt64(0);
    }

    [Fact]
    public void A_load_given_up_before_its_end_leaves_every_table_empty()
    {
        var recording = new NamedRecording("oneshot", Exported.Recording("oneshot"));
        using var database = RecordingDatabase.Create(null, "64MB", fleet: false);

        using (var loader = database.Loader(recording))
        {
            Played.File(recording.Path, loader);
        }

        // Each table's insert fails as its rows stop, so none of them is committed.
        Assert.All(RecordingTables.Names, table => Assert.Equal(0, Count(database, table)));
    }
}
