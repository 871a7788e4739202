using System.Globalization;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari graph</c>: who woke whom. Nodes are tasks (told apart by span identity, since IDs are reused)
/// and <c>runtime</c> and <c>outside</c>; an edge per waker and woken task with the number of wakes.
/// Nodes and edges are listed in the order first seen.
/// </summary>
/// <remarks>
/// Fed as the tracker reports, the graph keeps the nodes and edges of live tasks only: a node's line is
/// made when it is first seen, and an edge's when a task at either end ends (no wake can add to it after),
/// and both wait in <see cref="OrderedRows"/>, on disk past a megabyte. A server's graph has a node for
/// every connection it served.
/// </remarks>
public sealed class WakeGraph
{
    private const string Outside = "outside";
    private const string Runtime = "runtime";

    private readonly bool _mermaid;
    private readonly OrderedRows _nodeLines = new();
    private readonly OrderedRows _edgeLines = new();

    /// <summary>The node of each live task that has one.</summary>
    private readonly Dictionary<TaskSpan, string> _taskNodes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Nodes that are not a live task: the runtime, outside, and tasks known only by span ID.</summary>
    private readonly HashSet<string> _otherNodes = [];

    /// <summary>Edges that may still grow, each with its place in the order first seen, its count so far, and its live tasks.</summary>
    private readonly Dictionary<(string From, string To), (long Order, long Count, TaskSpan? Waker, TaskSpan? Woken)> _edges = [];

    /// <summary>The edges at each live task, ended with it.</summary>
    private readonly Dictionary<TaskSpan, HashSet<(string From, string To)>> _edgesAt = new(ReferenceEqualityComparer.Instance);
    private long _edgesSeen;

    /// <param name="mermaid">Mermaid's flowchart, else Graphviz's dot.</param>
    public WakeGraph(bool mermaid) => _mermaid = mermaid;

    /// <summary>Counts the analysis's wakes as the tracker reports them; called before it reads.</summary>
    public void Follow(TokioAnalysis analysis)
    {
        analysis.Tracker.WakerUsed += Add;
        analysis.Tracker.TaskEnded += Ended;
    }

    public void WriteTo(TextWriter output)
    {
        foreach (var (from, to) in _edges.Keys.ToList())
        {
            Final(from, to);
        }
        if (_mermaid)
        {
            output.WriteLine("flowchart LR");
        }
        else
        {
            output.WriteLine("digraph wakes {");
            output.WriteLine("  rankdir=LR;");
            output.WriteLine("  node [shape=box];");
        }
        foreach (var line in _nodeLines.InOrder().Concat(_edgeLines.InOrder()))
        {
            output.WriteLine(line);
        }
        if (!_mermaid)
        {
            output.WriteLine("}");
        }
    }

    /// <summary>Counts a waker use if it is a wake (drops are not edges).</summary>
    private void Add(WakeReport report)
    {
        if (!report.IsWake)
        {
            return;
        }
        var from = report.Waker is { } waker ? Node(waker)
            : report.Wake.By is { } by ? Node($"id{Number(by)}", $"task[{by}]")
            : report.Wake.Class == WakeClass.Runtime ? Node(Runtime, Runtime)
            : Node(Outside, Outside);
        var to = report.Woken is { } woken ? Node(woken)
            : Node($"id{Number(report.Wake.Task)}", $"task[{report.Wake.Task}]");
        var edge = (from, to);
        if (_edges.TryGetValue(edge, out var seen))
        {
            _edges[edge] = seen with { Count = seen.Count + 1 };
            return;
        }
        _edges[edge] = (_edgesSeen++, 1, report.Waker, report.Woken);
        EdgeAt(report.Waker, edge);
        EdgeAt(report.Woken, edge);
    }

    private void EdgeAt(TaskSpan? task, (string From, string To) edge)
    {
        if (task is null)
        {
            return;
        }
        if (!_edgesAt.TryGetValue(task, out var edges))
        {
            edges = [];
            _edgesAt[task] = edges;
        }
        edges.Add(edge);
    }

    /// <summary>A task ended: its node and edges can no longer change.</summary>
    private void Ended(TaskSpan task)
    {
        _taskNodes.Remove(task);
        if (_edgesAt.Remove(task, out var edges))
        {
            foreach (var (from, to) in edges)
            {
                Final(from, to);
            }
        }
    }

    private void Final(string from, string to)
    {
        if (!_edges.Remove((from, to), out var edge))
        {
            return;
        }
        // The task at the other end may live on (a server's accept loop wakes every connection): it forgets the edge.
        foreach (var task in new[] { edge.Waker, edge.Woken })
        {
            if (task is not null && _edgesAt.TryGetValue(task, out var edges))
            {
                edges.Remove((from, to));
            }
        }
        var count = edge.Count.ToString(CultureInfo.InvariantCulture);
        _edgeLines.AddInOrder((ulong)edge.Order, _mermaid ? $"  {from} -->|{count}| {to}" : $"  \"{from}\" -> \"{to}\" [label=\"{count}\"];");
    }

    private string Node(TaskSpan task)
    {
        if (!_taskNodes.TryGetValue(task, out var id))
        {
            id = $"t{Number(task.Span.CreatedSequence)}";
            _taskNodes[task] = id;
            NodeLine(id, task.ToString());
        }
        return id;
    }

    private string Node(string id, string label)
    {
        if (_otherNodes.Add(id))
        {
            NodeLine(id, label);
        }
        return id;
    }

    private void NodeLine(string id, string label)
    {
        var shaped = id is Outside or Runtime;
        _nodeLines.Add(_mermaid
            ? shaped ? $"  {id}(({Mermaid(label)}))" : $"  {id}[\"{Mermaid(label)}\"]"
            : $"  \"{id}\" [label=\"{Dot(label)}\"{(shaped ? ", shape=ellipse" : "")}];");
    }

    private static string Number(ulong number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Dot(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Mermaid(string text) => text.Replace("\"", "#quot;");
}
