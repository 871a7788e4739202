using Ari.Export.Sql;

namespace Ari.Export.Tests;

public sealed class RecordingTablesTests
{
    [Theory]
    [InlineData("SELECT * FROM tasks", "tasks")]
    [InlineData("select * from Tasks t join \"wakes\" w on t.seq = w.task_seq", "tasks wakes")]
    [InlineData("SELECT count(*) FROM main.events WHERE kind = 'waker'", "events")]
    [InlineData("SELECT polls_raw, state_updates_seen FROM tasks", "tasks")]
    [InlineData("SELECT (SELECT count(*) FROM spans) AS spans_rows, (SELECT 1 FROM recording)", "recording spans")]
    [InlineData("SELECT table_name FROM duckdb_tables()", "")]
    public void A_query_names_the_tables_it_mentions_as_whole_words(string sql, string tables)
    {
        Assert.Equal(tables.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), RecordingTables.NamedIn(sql).Order());
    }
}
