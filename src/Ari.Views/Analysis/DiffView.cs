using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari diff A B</c>: two recordings side by side per task (by name and spawn location): tasks, polls,
/// wakes by class, busy and scheduled time, as <c>A → B</c>. E.g. the spinner on Tokio before and
/// after tokio#5223: one self-wake inside the poll, then one the runtime makes after it.
/// </summary>
public static class DiffView
{
    public static void WriteTable(TaskGroups a, TaskGroups b, TextWriter output)
    {
        var table = new TextTable("Name", "Spawned at", "Tasks", "Polls", "Raw polls", "Self", "Task", "Runtime", "Outside", "Busy", "Sched", "Idle");
        foreach (var (name, location, left, right) in Pairs(a, b))
        {
            table.Add(name, location,
                Side(left, right, g => g.Tasks),
                Side(left, right, g => g.Polls),
                Side(left, right, g => g.RawPolls),
                Side(left, right, g => g.SelfWakes),
                Side(left, right, g => g.TaskWakes),
                Side(left, right, g => g.RuntimeWakes),
                Side(left, right, g => g.OutsideWakes),
                Time(left, right, g => g.BusyNanos),
                Time(left, right, g => g.ScheduledNanos),
                Time(left, right, g => g.IdleNanos));
        }
        table.WriteTo(output);
    }

    public static void WriteJson(TaskGroups a, TaskGroups b, Stream output)
    {
        using var lines = new JsonLines(output);
        foreach (var (name, location, left, right) in Pairs(a, b))
        {
            lines.Write(json =>
            {
                json.WriteString("name", name);
                json.WriteString("location", location);
                Write(json, "a", left);
                Write(json, "b", right);
            });
        }
    }

    /// <summary>Every group of either recording, A's order first, each with its counterpart (or null).</summary>
    private static IEnumerable<(string Name, string Location, TaskGroup? A, TaskGroup? B)> Pairs(TaskGroups a, TaskGroups b)
    {
        foreach (var group in a.InOrder)
        {
            yield return (group.Name, group.Location, group, b.Find(group.Name, group.Location));
        }
        foreach (var group in b.InOrder)
        {
            if (a.Find(group.Name, group.Location) is null)
            {
                yield return (group.Name, group.Location, null, group);
            }
        }
    }

    private static void Write(Utf8JsonWriter json, string side, TaskGroup? group)
    {
        if (group is null)
        {
            json.WriteNull(side);
            return;
        }
        json.WriteStartObject(side);
        json.WriteNumber("tasks", group.Tasks);
        json.WriteNumber("polls", group.Polls);
        json.WriteNumber("raw_polls", group.RawPolls);
        TaskFiguresJson.WriteWakes(json, group);
        TaskFiguresJson.WriteTimes(json, group);
        json.WriteEndObject();
    }

    private static string Side(TaskGroup? a, TaskGroup? b, Func<TaskGroup, long> value) =>
        $"{(a is null ? "-" : StateValueJson.Count(value(a)))} → {(b is null ? "-" : StateValueJson.Count(value(b)))}";

    private static string Time(TaskGroup? a, TaskGroup? b, Func<TaskGroup, ulong> value) =>
        $"{(a is null ? "-" : Durations.Text(value(a)))} → {(b is null ? "-" : Durations.Text(value(b)))}";
}
