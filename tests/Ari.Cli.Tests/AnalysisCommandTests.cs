using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>The analysis commands, as a user meets them, on real recordings of the examples.</summary>
public sealed class AnalysisCommandTests
{
    [Fact]
    public void Show_json_gives_every_wake_its_class_and_the_tasks_named_in_it()
    {
        var lines = Json(InProcessAri.Ok("show", Examples.Recorded("wakes").Recording, "--format", "json"));
        var spans = lines.Where(line => line.GetProperty("op").GetString() == "new" && line.GetProperty("kind").GetString() == "spawn")
            .ToDictionary(line => line.GetProperty("fields").GetProperty("task.name").GetString()!, line => line.GetProperty("id").GetUInt64());

        var wakes = lines.Where(line => line.TryGetProperty("wake", out _)).Select(line => line.GetProperty("wake")).ToList();

        Assert.Equal(("self", spans["receiver"], (ulong?)spans["receiver"]), Wake(wakes[0]));
        Assert.Equal(("task", spans["receiver"], (ulong?)spans["sender-task"]), Wake(wakes[1]));
        Assert.Equal(("outside", spans["receiver"], (ulong?)null), Wake(wakes[2]));
    }

    [Fact]
    public void Show_json_calls_the_spinners_deferred_yield_the_runtimes_wake()
    {
        var wake = Assert.Single(Json(InProcessAri.Ok("show", Examples.Recorded("spinner").Recording, "--format", "json")), line => line.TryGetProperty("wake", out _))
            .GetProperty("wake");

        Assert.Equal("runtime", wake.GetProperty("class").GetString());
        Assert.Equal(JsonValueKind.Null, wake.GetProperty("by").ValueKind);
        Assert.False(wake.TryGetProperty("deferred", out _));
    }

    [Fact]
    public void Tasks_json_has_a_line_per_task_with_parents_and_polls()
    {
        var tasks = Json(InProcessAri.Ok("tasks", Examples.Recorded("oneshot").Recording, "--format", "json"))
            .ToDictionary(task => task.GetProperty("name").GetString()!);

        // Written as each task ends: which of the two spawned tasks closes first is the runtime's choice.
        Assert.Equal(["receiver", "sender", "tokio-oneshot"], tasks.Keys.Order());
        var main = tasks["tokio-oneshot"].GetProperty("id").GetUInt64();
        Assert.Equal(JsonValueKind.Null, tasks["tokio-oneshot"].GetProperty("parent").ValueKind);
        Assert.Equal(main, tasks["receiver"].GetProperty("parent").GetUInt64());
        Assert.Equal(2, tasks["receiver"].GetProperty("polls").GetProperty("corrected").GetInt32());
        Assert.Equal(2, tasks["receiver"].GetProperty("polls").GetProperty("raw").GetInt32());
        Assert.Equal(1, tasks["receiver"].GetProperty("wakes").GetProperty("task").GetInt32());
        // The receiver's end wakes its JoinHandle on the worker, after its span has exited: the runtime's wake.
        Assert.Equal(1, tasks["tokio-oneshot"].GetProperty("wakes").GetProperty("runtime").GetInt32());
        // task_id is Tokio's own ID, the span's task.id field; id is the span's.
        var spawns = Json(InProcessAri.Ok("show", Examples.Recorded("oneshot").Recording, "--format", "json"))
            .Where(line => line.GetProperty("op").GetString() == "new" && line.GetProperty("kind").GetString() == "spawn")
            .ToDictionary(line => line.GetProperty("id").GetUInt64(), line => line.GetProperty("fields").GetProperty("task.id").GetUInt64());
        Assert.All(tasks.Values, task => Assert.Equal(spawns[task.GetProperty("id").GetUInt64()], task.GetProperty("task_id").GetUInt64()));
        Assert.Equal(tasks["tokio-oneshot"].GetProperty("task_id").GetUInt64(), tasks["receiver"].GetProperty("parent_task_id").GetUInt64());
    }

    [Fact]
    public void Tasks_table_lists_every_task()
    {
        var table = InProcessAri.Ok("tasks", Examples.Recorded("wakes").Recording);

        Assert.Contains("Polls", table);
        Assert.Contains("receiver", table);
        Assert.Contains("sender-task", table);
        // A row is one line, however long its cells: the name and the spawn location sit side by side.
        var receiver = Assert.Single(table.Split('\n'), line => line.Contains(" receiver "));
        Assert.Contains(Examples.SourceLocation("wakes", "spawn_named(\"receiver\""), receiver);
        // Poll duration and scheduled delay, median and 99th percentile.
        Assert.Matches(@"  Idle +Poll p50/p99 +Sched p50/p99  ", table);
        Assert.Matches(@" \d\S*s/\d\S*s +\d\S*s/\d\S*s +\d+ +\d+ ", receiver);
    }

    [Fact]
    public void Wakes_resources_and_query_tables_have_a_header_a_rule_and_a_line_a_row()
    {
        var wakes = InProcessAri.Ok("wakes", Examples.Recorded("wakes").Recording).Split('\n');

        Assert.Matches(@"^ +Time +Thread +Op +Task +Class +By +Cloned +Latency$", wakes[0]);
        Assert.Matches("^─+$", wakes[1]);
        var rows = wakes.Skip(2).TakeWhile(line => line.Length > 0).ToList();
        Assert.InRange(rows.Count, 3, 4);
        Assert.All(rows, row => Assert.Matches(@"^ +\+\S+ +\S+#\d+ +waker\.wake\S* +receiver \(task \d+\) ", row));

        var resources = InProcessAri.Ok("resources", Examples.Recorded("oneshot").Recording).Split('\n');
        Assert.Contains(resources, line => line.Trim() == "Resources");
        Assert.Single(resources, line => line.Contains("Sender|Receiver   Sync") && line.Contains(Examples.SourceLocation("oneshot", "tokio::sync::oneshot::channel")));

        // Numbers line up on the right, text on the left.
        var query = InProcessAri.Ok("query", Examples.Recorded("wakes").Recording, "SELECT name, polls FROM tasks ORDER BY name").Split('\n');
        Assert.Equal("  name          polls", query[0]);
        Assert.Matches(@"^  receiver +\d+$", query[2]);
        Assert.Equal("  sender-task       1", query[3]);
        Assert.Equal(query[0].Length, query[2].Length);
    }

    [Fact]
    public void Wakes_json_keeps_the_order_of_the_waker_events_though_later_wakes_settle_first()
    {
        // Two workers: wakes reach their task's next poll in another order than they happened (in this
        // program about fifteen pairs do), and ari wakes waits with each until those before it are written.
        var recording = Examples.Recorded("workers").Recording;

        var lines = Json(InProcessAri.Ok("wakes", recording, "--drops", "--format", "json"));
        var wakes = lines.Select(wake => (wake.GetProperty("ts").GetString(), wake.GetProperty("op").GetString(), wake.GetProperty("task").GetUInt64()));
        var events = Json(InProcessAri.Ok("show", recording, "--kind", "waker", "--format", "json"))
            .Select(line => (Ts: line.GetProperty("ts").GetString(), Fields: line.GetProperty("fields")))
            .Where(line => line.Fields.GetProperty("op").GetString() != "waker.clone")
            .Select(line => (line.Ts, line.Fields.GetProperty("op").GetString(), line.Fields.GetProperty("task.id").GetUInt64()));

        Assert.Equal(events, wakes);
        Assert.True(wakes.Count() > 10);
        // Written once settled: every wake of this program is followed by a poll of its task.
        Assert.All(lines.Where(wake => wake.GetProperty("op").GetString() != "waker.drop"),
            wake => Assert.Equal(JsonValueKind.Number, wake.GetProperty("latency_ns").ValueKind));
    }

    [Fact]
    public void Wakes_json_gives_class_by_and_latency_for_each_wake()
    {
        var wakes = Json(InProcessAri.Ok("wakes", Examples.Recorded("handoff").Recording, "--format", "json"))
            .ToDictionary(wake => wake.GetProperty("task_name").GetString()!);

        Assert.Equal(("runtime", JsonValueKind.Null), (wakes["yielder"].GetProperty("class").GetString(), wakes["yielder"].GetProperty("by").ValueKind));
        var blocking = Json(InProcessAri.Ok("tasks", Examples.Recorded("handoff").Recording, "--format", "json"))
            .Single(task => task.GetProperty("kind").GetString() == "blocking" && !task.GetProperty("runtime").GetBoolean());
        Assert.Equal(("task", blocking.GetProperty("id").GetUInt64()), (wakes["waiter"].GetProperty("class").GetString(), wakes["waiter"].GetProperty("by").GetUInt64()));
        // A sleep whose 5 ms had passed before its first poll (a busy machine) completes without a wake.
        if (wakes.TryGetValue("sleeper", out var sleeper))
        {
            Assert.Equal(("runtime", JsonValueKind.Null), (sleeper.GetProperty("class").GetString(), sleeper.GetProperty("by").ValueKind));
        }
        Assert.All(wakes.Values, wake => Assert.True(wake.GetProperty("latency_ns").GetUInt64() > 0));
    }

    [Fact]
    public void Wakes_with_drops_lists_dropped_wakers_too()
    {
        var ops = Json(InProcessAri.Ok("wakes", Examples.Recorded("oneshot").Recording, "--drops", "--format", "json"))
            .Select(wake => wake.GetProperty("op").GetString()).ToList();

        Assert.Equal(["waker.wake_by_ref", "waker.drop", "waker.wake_by_ref", "waker.drop"], ops);
    }

    [Fact]
    public void Resources_json_rebuilds_the_oneshots_state_and_lists_the_parentless_events()
    {
        var lines = Json(InProcessAri.Ok("resources", Examples.Recorded("oneshot").Recording, "--format", "json"));

        var oneshot = Assert.Single(lines, line => line.GetProperty("type").GetString() == "resource");
        var state = oneshot.GetProperty("state");
        Assert.False(state.GetProperty("tx_dropped").GetProperty("value").GetBoolean());
        Assert.False(state.GetProperty("rx_dropped").GetProperty("value").GetBoolean());
        Assert.True(state.GetProperty("value_sent").GetProperty("value").GetBoolean());
        Assert.False(state.GetProperty("value_received").GetProperty("value").GetBoolean());
        Assert.Equal(5, oneshot.GetProperty("updates").GetArrayLength());
        var op = Assert.Single(oneshot.GetProperty("async_ops").EnumerateArray());
        Assert.Equal(1, op.GetProperty("readiness").GetProperty("poll_recv").GetProperty("pending").GetInt32());
        Assert.Equal(3, lines.Count(line => line.GetProperty("type").GetString() == "unattributed"));
    }

    [Fact]
    public void Lint_deny_fails_on_warnings_and_lists_every_one()
    {
        var recording = Examples.Recorded("oneshot").Recording;

        // The oneshot's warnings are about Tokio's own resources, shown only when asked for.
        var plain = InProcessAri.Run("lint", recording, "--long-poll-ms", "10000");
        var table = InProcessAri.Run("lint", recording, "--internal", "--long-poll-ms", "10000");
        var all = InProcessAri.Run("lint", recording, "--internal", "--all", "--long-poll-ms", "10000");
        var denied = InProcessAri.Run("lint", recording, "--internal", "--deny", "--format", "json", "--long-poll-ms", "10000");

        Assert.Equal((0, "no warnings\n"), (plain.ExitCode, plain.Stdout));
        Assert.Contains("no-resource-parent", table.Stdout);
        static int Rows(string table) => table.Split('\n').Select(line => line.TrimStart())
            .Count(line => line.StartsWith("no-resource-parent ", StringComparison.Ordinal) || line.StartsWith("state-never-updated ", StringComparison.Ordinal));
        Assert.Equal(2, Rows(table.Stdout));
        Assert.Equal(6, Rows(all.Stdout));
        Assert.Equal(ExitCodes.LintWarnings, denied.ExitCode);
        var rules = Json(denied.Stdout).GroupBy(line => line.GetProperty("rule").GetString()!).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(3, rules["no-resource-parent"]);
        Assert.Equal(3, rules["state-never-updated"]);
    }

    [Fact]
    public void Graph_draws_who_woke_whom_in_dot_and_mermaid()
    {
        var recording = Examples.Recorded("handoff").Recording;

        var dot = InProcessAri.Ok("graph", recording);
        var mermaid = InProcessAri.Ok("graph", recording, "--format", "mermaid");

        Assert.StartsWith("digraph wakes {", dot);
        Assert.Contains("[label=\"runtime\", shape=ellipse]", dot);
        Assert.Matches("\"t\\d+\" -> \"t\\d+\" \\[label=\"1\"\\];", dot);
        Assert.StartsWith("flowchart LR", mermaid);
        Assert.Contains("runtime -->|1| ", mermaid);
        Assert.Contains("[\"waiter (task ", mermaid);
    }

    [Fact]
    public void Diff_lines_up_the_spinner_before_and_after_the_deferred_yield()
    {
        var legacy = Examples.Record("yields", new Dictionary<string, string?> { ["ARI_YIELD"] = "legacy" }).Recording;

        var row = Assert.Single(Json(InProcessAri.Ok("diff", legacy, Examples.Recorded("yields").Recording, "--format", "json")));

        Assert.EndsWith(Examples.SourceLocation("yields", "tokio::spawn("), row.GetProperty("location").GetString());
        Assert.Equal((1, 0), (Wakes(row, "a", "self"), Wakes(row, "a", "runtime")));
        Assert.Equal((0, 1), (Wakes(row, "b", "self"), Wakes(row, "b", "runtime")));
        Assert.Equal(2, row.GetProperty("a").GetProperty("polls").GetInt32());
        Assert.Equal(2, row.GetProperty("b").GetProperty("polls").GetInt32());
    }

    [Fact]
    public void A_file_that_does_not_exist_is_a_one_line_error()
    {
        var result = AriCommand.Run("tasks", "/no/such.ari");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("ari: cannot read /no/such.ari", result.Stderr);
    }

    private static int Wakes(JsonElement row, string side, string kind) => row.GetProperty(side).GetProperty("wakes").GetProperty(kind).GetInt32();

    private static (string?, ulong, ulong?) Wake(JsonElement wake) =>
        (wake.GetProperty("class").GetString(), wake.GetProperty("task").GetUInt64(),
            wake.GetProperty("by").ValueKind == JsonValueKind.Null ? null : wake.GetProperty("by").GetUInt64());

    private static List<JsonElement> Json(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
}
