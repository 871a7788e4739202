using Ari.Wire;

namespace Ari.Model;

/// <summary>
/// One span, from its <c>new</c> to its <c>close</c>. tracing reuses span IDs after close, so a span's
/// identity is its <see cref="Id"/> together with <see cref="CreatedSequence"/>.
/// </summary>
public sealed class SpanNode
{
    private FieldValues _values;

    internal SpanNode(ulong id, ulong createdSequence, ulong createdAt, Callsite callsite, SpanNode? parent, FieldValues values, bool isPlaceholder = false)
    {
        Id = id;
        CreatedSequence = createdSequence;
        CreatedAt = createdAt;
        Callsite = callsite;
        Parent = parent;
        // A span lives long: it keeps its own copy of values a reader handed on in place.
        CreatedValues = values.Own();
        _values = CreatedValues;
        IsPlaceholder = isPlaceholder;
    }

    public ulong Id { get; }

    public ulong CreatedSequence { get; }

    /// <summary>Nanoseconds since the stream's anchor.</summary>
    public ulong CreatedAt { get; }

    public Callsite Callsite { get; }

    public string Name => Callsite.Name;

    public SpanNode? Parent { get; }

    /// <summary>The values the span was created with (what a line view shows).</summary>
    public FieldValues CreatedValues { get; }

    /// <summary>
    /// The span's values now: its creation values updated by every later <c>record</c>. Every <c>record</c>
    /// makes a new array, never changes the old one, so a view may cache what it made of one array.
    /// </summary>
    public FieldValues Values => _values;

    public bool IsClosed { get; internal set; }

    /// <summary>
    /// True for a span the stream refers to but never created (its <c>new</c> was dropped or cut off):
    /// ari keeps going with what it knows.
    /// </summary>
    public bool IsPlaceholder { get; }

    /// <summary>How many spans are above this one.</summary>
    public int Depth
    {
        get
        {
            var depth = 0;
            for (var span = Parent; span is not null; span = span.Parent)
            {
                depth++;
            }
            return depth;
        }
    }

    /// <summary>A later <c>Span::record</c>: a value for a field replaces the one it had.</summary>
    internal void Record(FieldValues recorded)
    {
        var merged = new List<Field>(_values.Count + recorded.Count);
        merged.AddRange(_values);
        foreach (var field in recorded)
        {
            var at = merged.FindIndex(existing => existing.Index == field.Index);
            if (at >= 0)
            {
                merged[at] = field;
            }
            else
            {
                merged.Add(field);
            }
        }
        _values = FieldValues.Create(merged.ToArray());
    }

    public override string ToString() => $"{Name}[{Id}]";
}
