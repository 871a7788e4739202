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

    internal ConsoleSnapshot(RecordingSummary recording, ulong at, IReadOnlyList<TaskRow> tasks, IReadOnlyList<ResourceRow> resources,
        IReadOnlyList<LintFinding> warnings)
    {
        Recording = recording;
        At = at;
        Tasks = tasks;
        Resources = resources;
        Warnings = warnings;
        _byState = new int[Enum.GetValues<TaskState>().Length];
        foreach (var task in tasks)
        {
            _byState[(int)task.State]++;
        }
    }

    public RecordingSummary Recording { get; }

    /// <summary>The moment shown, as a stream timestamp: every record stamped after it is left out.</summary>
    public ulong At { get; }

    /// <summary>Tasks spawned by <see cref="At"/>, in order of creation.</summary>
    public IReadOnlyList<TaskRow> Tasks { get; }

    /// <summary>Resources made by <see cref="At"/>, in order of creation.</summary>
    public IReadOnlyList<ResourceRow> Resources { get; }

    /// <summary>The lint rules that found something by <see cref="At"/>, in rule order (as <c>ari lint</c> lists them).</summary>
    public IReadOnlyList<LintFinding> Warnings { get; }

    public int CountOf(TaskState state) => _byState[(int)state];

    /// <summary>The task with Tokio's task ID <paramref name="tokioId"/> (the newest, should Tokio's IDs repeat).</summary>
    public TaskRow? FindTask(ulong tokioId) => Tasks.LastOrDefault(task => task.TokioId == tokioId);
}
