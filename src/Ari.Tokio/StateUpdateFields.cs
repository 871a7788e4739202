using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// A <c>state_update</c> callsite's fields, sorted out once: which are values, which are a value's
/// <c>x.op</c> or <c>x.unit</c> companion, and where each value's companions are, so that applying an
/// event compares field indexes instead of building and comparing names.
/// </summary>
internal sealed class StateUpdateFields
{
    private const int None = -1;

    private readonly IReadOnlyList<string> _names;
    private readonly Part[] _parts;

    // Companions are matched by name, as a field name could appear twice: each index maps to the first
    // index with its name, and a value's companion is the first index named x.op (or x.unit).
    private readonly int[] _firstWithName;
    private readonly int[] _op;
    private readonly int[] _unit;

    public StateUpdateFields(IReadOnlyList<string> names)
    {
        _names = names;
        _parts = new Part[names.Count];
        _firstWithName = new int[names.Count];
        _op = new int[names.Count];
        _unit = new int[names.Count];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _parts[i] = names[i].EndsWith(".op", StringComparison.Ordinal) ? Part.Op
                : names[i].EndsWith(".unit", StringComparison.Ordinal) ? Part.Unit
                : Part.Value;
            _firstWithName[i] = first.TryAdd(names[i], i) ? i : first[names[i]];
        }
        for (var i = 0; i < names.Count; i++)
        {
            _op[i] = first.GetValueOrDefault(names[i] + ".op", None);
            _unit[i] = first.GetValueOrDefault(names[i] + ".unit", None);
        }
    }

    public string Name(int index) => _names[index];

    /// <summary>An <c>x.op</c> field.</summary>
    public bool IsOp(int index) => (uint)index < (uint)_parts.Length && _parts[index] == Part.Op;

    /// <summary>A field that sets an attribute: neither an <c>x.op</c> nor an <c>x.unit</c>.</summary>
    public bool IsValue(int index) => (uint)index < (uint)_parts.Length && _parts[index] == Part.Value;

    public FieldValue? OpOf(ReadOnlySpan<Field> values, int index) => Find(values, _op[index]);

    public FieldValue? UnitOf(ReadOnlySpan<Field> values, int index) => Find(values, _unit[index]);

    private FieldValue? Find(ReadOnlySpan<Field> values, int firstWithName)
    {
        if (firstWithName == None)
        {
            return null;
        }
        foreach (var field in values)
        {
            if ((uint)field.Index < (uint)_firstWithName.Length && _firstWithName[field.Index] == firstWithName)
            {
                return field.Value;
            }
        }
        return null;
    }

    private enum Part : byte
    {
        Value,
        Op,
        Unit,
    }
}
