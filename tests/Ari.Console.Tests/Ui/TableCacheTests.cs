using Ari.Console.Ui;

namespace Ari.Console.Tests.Ui;

/// <summary>
/// A list's layout kept between draws, and one laid out on the thread that made its snapshot (a jump, a
/// live refresh) and offered to the screen's thread, which then draws it without laying it out again.
/// </summary>
public sealed class TableCacheTests
{
    private static readonly IReadOnlyList<TableColumn<string>> Columns =
        [new("Name", name => name), new("Length", name => name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), name => name.Length)];

    private static readonly string[] Names = ["tokio", "hyper", "ari", "tracing"];

    [Fact]
    public void A_layout_offered_is_drawn_while_the_list_asks_for_its_rows_and_sort_and_sorted_again_when_the_sort_changes()
    {
        var cache = new TableCache<string>();
        var cursor = new ListCursor { SortColumn = 1 };
        var layout = TableCache<string>.Lay(("moment", "a"), Names, name => name.Contains('a', StringComparison.Ordinal), Columns, (1, false));

        cache.Offer(layout);

        Assert.Same(layout.Table, cache.Get(("moment", "a"), Names, _ => true, Columns, cursor));
        Assert.Equal(["ari", "tracing"], layout.Table.Rows);

        cursor.Descending = true;
        var reversed = cache.Get(("moment", "a"), Names, _ => true, Columns, cursor);
        Assert.Equal(["tracing", "ari"], reversed.Rows);

        var other = cache.Get(("moment", ""), Names, _ => true, Columns, cursor);
        Assert.Equal(["tracing", "hyper", "tokio", "ari"], other.Rows);
    }
}
