using System.Text.RegularExpressions;

namespace Ari.Export.Sql;

/// <summary>
/// The tables a recording becomes. Times are nanoseconds since the recording's anchor
/// (<c>recording.anchor_unix_ns</c> turns them into dates). Spans are told apart by <c>seq</c>, the
/// sequence number of their <c>new</c>, because tracing reuses span IDs after close; every reference
/// to a span or task carries both its ID and that <c>seq</c>.
/// </summary>
public static class RecordingTables
{
    public static readonly string[] Names = ["recording", "spans", "events", "tasks", "polls", "wakes", "resources", "state_updates"];

    /// <summary>
    /// The tables whose names <paramref name="sql"/> mentions as words, in any case (<c>FROM Tasks</c>,
    /// <c>main.tasks</c>, <c>"tasks"</c>): the ones a query can read. A name inside a longer identifier
    /// (<c>polls_raw</c>) does not count; a name that is not a table there (a column alias) loads a table
    /// for nothing, which costs time, never rows.
    /// </summary>
    public static IReadOnlySet<string> NamedIn(string sql)
    {
        var named = new HashSet<string>();
        foreach (var name in Names)
        {
            for (var at = sql.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + name.Length;
                if ((at == 0 || !IsIdentifierChar(sql[at - 1])) && (end == sql.Length || !IsIdentifierChar(sql[end])))
                {
                    named.Add(name);
                    break;
                }
            }
        }
        return named;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    /// <summary>
    /// The tables' definitions; for a fleet of recordings every table starts with the recording's
    /// columns: its name in the fleet, and the program (argv[0]) and process ID its stream starts with.
    /// </summary>
    public static string Schema(bool fleet) =>
        fleet ? Regex.Replace(SingleSchema, @"(CREATE TABLE \w+ \()", "$1recording VARCHAR, program VARCHAR, pid UBIGINT, ") : SingleSchema;

    private const string SingleSchema = """
        CREATE TABLE recording (path VARCHAR, anchor_unix_ns UBIGINT, entries BIGINT, dropped_records UBIGINT);
        CREATE TABLE spans (id UBIGINT, seq UBIGINT, name VARCHAR, target VARCHAR, level VARCHAR, kind VARCHAR,
            parent_id UBIGINT, parent_seq UBIGINT, thread VARCHAR, created_ns UBIGINT, closed_ns UBIGINT, fields VARCHAR);
        CREATE TABLE events (seq UBIGINT, ts_ns UBIGINT, thread VARCHAR, name VARCHAR, target VARCHAR, level VARCHAR, kind VARCHAR,
            parent_id UBIGINT, parent_seq UBIGINT, fields VARCHAR);
        CREATE TABLE tasks (id UBIGINT, seq UBIGINT, tokio_id UBIGINT, kind VARCHAR, runtime BOOLEAN, name VARCHAR, location VARCHAR,
            parent_id UBIGINT, parent_seq UBIGINT, polls BIGINT, polls_raw BIGINT, busy_ns UBIGINT, scheduled_ns UBIGINT,
            idle_ns UBIGINT, longest_poll_ns UBIGINT, self_wakes BIGINT, task_wakes BIGINT,
            runtime_wakes BIGINT, outside_wakes BIGINT, first_ns UBIGINT, last_ns UBIGINT, closed BOOLEAN,
            poll_p50_ns UBIGINT, poll_p90_ns UBIGINT, poll_p99_ns UBIGINT, poll_max_ns UBIGINT,
            scheduled_p50_ns UBIGINT, scheduled_p90_ns UBIGINT, scheduled_p99_ns UBIGINT, scheduled_max_ns UBIGINT);
        CREATE TABLE polls (task_id UBIGINT, task_seq UBIGINT, poll BIGINT, thread VARCHAR, start_ns UBIGINT, end_ns UBIGINT,
            duration_ns UBIGINT);
        CREATE TABLE wakes (seq UBIGINT, ts_ns UBIGINT, thread VARCHAR, op VARCHAR, class VARCHAR, task_closed BOOLEAN,
            task_id UBIGINT, task_seq UBIGINT, by_id UBIGINT, by_seq UBIGINT, next_poll_ns UBIGINT, latency_ns UBIGINT);
        CREATE TABLE resources (id UBIGINT, seq UBIGINT, concrete_type VARCHAR, kind VARCHAR, location VARCHAR, internal BOOLEAN,
            parent_id UBIGINT, parent_seq UBIGINT, created_in_task UBIGINT, created_ns UBIGINT, closed_ns UBIGINT, state VARCHAR);
        CREATE TABLE state_updates (ts_ns UBIGINT, resource_id UBIGINT, resource_seq UBIGINT, async_op_id UBIGINT,
            attribute VARCHAR, op VARCHAR, given VARCHAR, new_value VARCHAR, new_number DOUBLE);
        """;
}
