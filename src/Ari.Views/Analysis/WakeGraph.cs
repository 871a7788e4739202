using System.Globalization;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari graph</c>: who woke whom. Nodes are tasks (told apart by span identity, since IDs are reused)
/// and <c>runtime</c> and <c>outside</c>; an edge per waker and woken task with the number of wakes.
/// </summary>
public sealed class WakeGraph
{
    private const string Outside = "outside";
    private const string Runtime = "runtime";

    private readonly List<(string Id, string Label)> _nodes = [];

    /// <summary>Each node's place in <see cref="_nodes"/>: a search of the list for every wake took minutes on large recordings.</summary>
    private readonly Dictionary<string, int> _nodeIndex = [];
    private readonly Dictionary<(string From, string To), long> _edges = [];

    /// <summary>
    /// Counts a waker use if it is a wake (drops are not edges). Fed as the tracker reports them, the
    /// graph keeps its nodes and edges only, not every wake.
    /// </summary>
    public void Add(WakeReport report)
    {
        if (!report.IsWake)
        {
            return;
        }
        var from = report.Waker is { } waker ? Node(waker.Span.CreatedSequence, waker.ToString())
            : report.Wake.By is { } by ? Node(null, $"task[{by}]", by)
            : report.Wake.Class == WakeClass.Runtime ? Node(null, Runtime)
            : Node(null, Outside);
        var to = report.Woken is { } woken ? Node(woken.Span.CreatedSequence, woken.ToString())
            : Node(null, $"task[{report.Wake.Task}]", report.Wake.Task);
        _edges[(from, to)] = _edges.GetValueOrDefault((from, to)) + 1;
    }

    /// <summary>Edges as (waker label, woken label, count), in the order first seen.</summary>
    public IEnumerable<(string From, string To, long Count)> Edges =>
        _edges.Select(edge => (LabelOf(edge.Key.From), LabelOf(edge.Key.To), edge.Value));

    public void WriteDot(TextWriter output)
    {
        output.WriteLine("digraph wakes {");
        output.WriteLine("  rankdir=LR;");
        output.WriteLine("  node [shape=box];");
        foreach (var (id, label) in _nodes)
        {
            var shape = id is Outside or Runtime ? ", shape=ellipse" : "";
            output.WriteLine($"  \"{id}\" [label=\"{Dot(label)}\"{shape}];");
        }
        foreach (var ((from, to), count) in _edges)
        {
            output.WriteLine($"  \"{from}\" -> \"{to}\" [label=\"{count.ToString(CultureInfo.InvariantCulture)}\"];");
        }
        output.WriteLine("}");
    }

    public void WriteMermaid(TextWriter output)
    {
        output.WriteLine("flowchart LR");
        foreach (var (id, label) in _nodes)
        {
            output.WriteLine(id is Outside or Runtime ? $"  {id}(({Mermaid(label)}))" : $"  {id}[\"{Mermaid(label)}\"]");
        }
        foreach (var ((from, to), count) in _edges)
        {
            output.WriteLine($"  {from} -->|{count.ToString(CultureInfo.InvariantCulture)}| {to}");
        }
    }

    private string Node(ulong? createdSequence, string label, ulong? id = null)
    {
        var key = createdSequence is { } sequence ? $"t{sequence.ToString(CultureInfo.InvariantCulture)}"
            : id is { } unknown ? $"id{unknown.ToString(CultureInfo.InvariantCulture)}"
            : label;
        if (_nodeIndex.TryAdd(key, _nodes.Count))
        {
            _nodes.Add((key, label));
        }
        return key;
    }

    private string LabelOf(string id) => _nodes[_nodeIndex[id]].Label;

    private static string Dot(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Mermaid(string text) => text.Replace("\"", "#quot;");
}
