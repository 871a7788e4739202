using Ari.Views.Analysis;

namespace Ari.Views.Tests.Analysis;

/// <summary>The tables of <c>ari tasks</c>, <c>wakes</c>, <c>resources</c>, <c>lint</c>, <c>diff</c> and <c>query</c>.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_and_numbers_align_right()
    {
        var table = new TextTable("ID", "Name", "Polls").RightAlign(0, 2);
        table.Add("2", "receiver", "4");
        table.Add("2251799813685251", "sender-task", "12");

        Assert.Equal(
            """
                            ID   Name          Polls
            ────────────────────────────────────────
                             2   receiver          4
              2251799813685251   sender-task      12


            """.ReplaceLineEndings("\n"),
            Written(table));
    }

    [Fact]
    public void A_long_cell_stays_on_its_row()
    {
        var location = "/usr/share/cargo/registry/tokio-1.24.2/src/runtime/scheduler/multi_thread/worker.rs:365:13";
        var table = new TextTable("Spawned at", "Polls");
        table.Add(location, "1");
        table.Add(new string('x', 300), "2");

        var lines = Written(table).Split('\n');

        Assert.Equal(5 + 1, lines.Length);
        Assert.Equal("  " + location + new string(' ', 300 - location.Length) + "   1", lines[2]);
    }

    [Fact]
    public void A_line_break_in_a_cell_shows_as_a_space_and_missing_cells_are_empty()
    {
        var table = new TextTable("Warning", "First", "Thread");
        table.Add("lint", "two\nlines");
        table.Add(null, "x", null);

        var lines = Written(table).Split('\n');

        Assert.Equal("  lint      two lines", lines[2]);
        Assert.Equal("            x", lines[3]);
    }

    [Fact]
    public void A_title_is_centred_above_the_table()
    {
        var table = TextTable.Titled("Async ops", "ID", "Resource", "Source");
        table.Add("3", "Sender|Receiver[2]", "Receiver::await");

        var lines = Written(table).Split('\n');

        var width = lines[2].Length;
        Assert.Equal(new string(' ', (width - "Async ops".Length) / 2) + "Async ops", lines[0]);
        Assert.Equal("  ID   Resource             Source", lines[1]);
        Assert.Equal(new string('─', width), lines[2]);
    }

    [Fact]
    public void Wide_characters_take_two_columns_and_combining_marks_none()
    {
        var table = new TextTable("Name", "N");
        table.Add("🦀", "1");
        table.Add("名前", "2");
        table.Add("e\u0301", "3");

        var lines = Written(table).Split('\n');

        Assert.Equal("  🦀     1", lines[2]);
        Assert.Equal("  名前   2", lines[3]);
        Assert.Equal("  e\u0301      3", lines[4]);
    }

    [Fact]
    public void Rows_added_in_order_are_written_by_their_key_and_equal_keys_as_added()
    {
        // As tasks end: the table lists them by creation.
        var table = new TextTable("ID", "Ended");
        table.AddInOrder(30, "3", "first");
        table.AddInOrder(10, "1", "second");
        table.AddInOrder(30, "4", "third");
        table.AddInOrder(20, "2", "fourth\0with a NUL");

        var lines = Written(table).Split('\n');

        Assert.Equal(["  1    second", "  2    fourth with a NUL", "  3    first", "  4    third"], lines[2..6]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_table_that_spills_its_rows_to_disk_writes_what_one_kept_in_memory_writes(bool ordered)
    {
        // Rows as tasks end, out of order, with equal keys, a wide character and a cell longer than a read buffer.
        var kept = new TextTable("ID", "Name", "Polls").RightAlign(0, 2);
        var spilled = TextTable.Spilling(20_000, "ID", "Name", "Polls").RightAlign(0, 2);
        var random = new Random(23);
        for (var i = 0; i < 2_000; i++)
        {
            var key = (ulong)random.Next(500);
            string[] cells = [key.ToString(), i % 97 == 0 ? new string('x', 40_000) : i % 13 == 0 ? "名前" : $"task {i}", i.ToString()];
            foreach (var table in new[] { kept, spilled })
            {
                if (ordered)
                {
                    table.AddInOrder(key, cells);
                }
                else
                {
                    table.Add(cells);
                }
            }
        }

        Assert.Equal(kept.RowCount, spilled.RowCount);
        Assert.Equal(Written(kept), Written(spilled));
        Assert.Equal(Written(kept), Written(spilled));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_table_spilled_in_thousands_of_runs_writes_what_one_kept_in_memory_writes(bool ordered)
    {
        // A run every row or two: ordered runs are merged as they pile up, several levels deep.
        var kept = new TextTable("ID", "Name");
        var spilled = TextTable.Spilling(16, "ID", "Name");
        var random = new Random(13);
        for (var i = 0; i < 6_000; i++)
        {
            var key = (ulong)random.Next(300);
            string[] cells = [key.ToString(), $"task {i}"];
            foreach (var table in new[] { kept, spilled })
            {
                if (ordered)
                {
                    table.AddInOrder(key, cells);
                }
                else
                {
                    table.Add(cells);
                }
            }
        }

        Assert.Equal(Written(kept), Written(spilled));
    }

    private static string Written(TextTable table)
    {
        var output = new StringWriter { NewLine = "\n" };
        table.WriteTo(output);
        return output.ToString();
    }
}
