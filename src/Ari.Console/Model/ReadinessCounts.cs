using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// A resource's <c>poll_op</c> readiness per operation at a snapshot's moment: a few small counts that
/// most resources of one kind share, so one instance (and one text) for every row with the same
/// (<see cref="RowParts"/>).
/// </summary>
internal sealed class ReadinessCounts : IEquatable<ReadinessCounts>
{
    private readonly (string Operation, long Ready, long Pending)[] _counts;

    private ReadinessCounts((string Operation, long Ready, long Pending)[] counts) => _counts = counts;

    public static ReadinessCounts Of(IReadOnlyList<Readiness> readiness)
    {
        var counts = new (string, long, long)[readiness.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = (readiness[i].Operation, readiness[i].Ready, readiness[i].Pending);
        }
        return new ReadinessCounts(counts);
    }

    /// <summary>As <c>ari resources</c> writes it: <c>poll_recv 1/2 ready</c>; made when first shown.</summary>
    public string Text => field ??= string.Join(", ", _counts.Select(op => $"{op.Operation} {op.Ready}/{op.Ready + op.Pending} ready"));

    public bool Equals(ReadinessCounts? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override bool Equals(object? obj) => Equals(obj as ReadinessCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in _counts)
        {
            hash.Add(count);
        }
        return hash.ToHashCode();
    }
}
