using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// What every view of the console shows at one moment: the tasks spawned by then (those closed by then
/// are <see cref="TaskState.Done"/>), the resources made by then, and the lint warnings as of then. Built
/// by replaying the recording up to the moment through Ari.Tokio's tracker and linter, so its figures
/// are those of <c>ari tasks</c>, <c>ari resources</c> and <c>ari lint</c> on the recording cut there.
/// </summary>
public sealed class ConsoleSnapshot
{
    private readonly int[] _byState;
    private readonly SnapshotRows<TaskRow> _tasks;

    /// <param name="byState">How many of <paramref name="tasks"/> are in each state (by <see cref="TaskState"/>'s value).</param>
    internal ConsoleSnapshot(RecordingSummary recording, ulong at, SnapshotRows<TaskRow> tasks, IReadOnlyList<ResourceRow> resources,
        IReadOnlyList<LintFinding> warnings, int[] byState)
    {
        Recording = recording;
        At = at;
        _tasks = tasks;
        Resources = resources;
        Warnings = warnings;
        _byState = byState;
    }

    public RecordingSummary Recording { get; }

    /// <summary>The moment shown, as a stream timestamp: every record stamped after it is left out.</summary>
    public ulong At { get; }

    /// <summary>Tasks spawned by <see cref="At"/>, in order of creation.</summary>
    public IReadOnlyList<TaskRow> Tasks => _tasks;

    /// <summary>Resources made by <see cref="At"/>, in order of creation.</summary>
    public IReadOnlyList<ResourceRow> Resources { get; }

    /// <summary>The lint rules that found something by <see cref="At"/>, in rule order (as <c>ari lint</c> lists them).</summary>
    public IReadOnlyList<LintFinding> Warnings { get; }

    public int CountOf(TaskState state) => _byState[(int)state];

    /// <summary>The task with Tokio's task ID <paramref name="tokioId"/> (the newest, should Tokio's IDs repeat).</summary>
    public TaskRow? FindTask(ulong tokioId) => _tasks.FindLast(task => task.TokioId == tokioId);
}
