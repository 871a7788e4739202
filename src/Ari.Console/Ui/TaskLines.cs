using Ari.Console.Model;
using Ari.Model;
using Ari.Views;
using Ari.Views.Filtering;
using Ari.Wire;

namespace Ari.Console.Ui;

/// <summary>
/// A task's own lines, as <c>ari show --task</c> prints them in colour (its spawn span's lifecycle, what happens
/// inside it, wakes of it), each with its moment, so that picking a line moves the whole console there.
/// Read from the task's spawn to its close, and at most <see cref="Most"/> lines: a long-lived task's
/// lines are many, and the screen holds them all.
/// </summary>
internal sealed record TaskLines(TaskRow Task, IReadOnlyList<string> Lines, IReadOnlyList<ulong> Moments)
{
    public const int Most = 20_000;

    public bool IsCut => Lines.Count >= Most;

    public static TaskLines Read(string path, TaskRow task)
    {
        // The filter names the task by span ID, which tracing reuses once a span closes: nothing before
        // this task's spawn is its own.
        var filter = new EntryFilter { Task = task.SpanId };
        var from = task.FirstAt;
        var moments = new List<ulong>();
        using var output = new MemoryStream();
        using (var renderer = Renderers.Create(ViewFormat.Ansi, ViewLayout.Line, output))
        {
            var pipeline = new EntryPipeline(renderer, (entry, facts) =>
            {
                if (!filter.Matches(entry, facts) || entry.Timestamp < from || moments.Count >= Most)
                {
                    return false;
                }
                moments.Add(entry.Timestamp);
                return true;
            });
            using var source = RecordSource.OpenFile(path);
            new Replay().Play(source, pipeline, until: task.State == TaskState.Done ? task.LastAt : ulong.MaxValue);
        }
        var text = System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The line layout gives an entry one line; should that ever change, lines keep no moments rather than wrong ones.
        return new TaskLines(task, lines, lines.Length == moments.Count ? moments : []);
    }
}
