using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// What the tracker needs of one callsite, worked out once: its kind, and which of Tokio's fields each
/// field index is, so that reading a field compares a byte instead of a name for every record.
/// </summary>
internal sealed class TokioCallsite
{
    private readonly TokioField[] _fields;

    public TokioCallsite(Callsite callsite)
    {
        Kind = Instrumentation.KindOf(callsite);
        _fields = new TokioField[callsite.FieldNames.Count];
        for (var i = 0; i < _fields.Length; i++)
        {
            _fields[i] = TokioFields.Of(callsite.FieldNames[i]);
        }
        if (Kind is InstrumentationKind.StateUpdate or InstrumentationKind.AsyncOpStateUpdate)
        {
            StateFields = new StateUpdateFields(callsite.FieldNames);
        }
    }

    public InstrumentationKind Kind { get; }

    /// <summary>For a <c>state_update</c> callsite, its values and their companions.</summary>
    public StateUpdateFields? StateFields { get; }

    /// <summary>
    /// The first value of that field, as a search by name would find it. Takes values already read (a
    /// record's values are decoded on each read), so that finding several fields reads them once.
    /// </summary>
    public FieldValue? Find(ReadOnlySpan<Field> values, TokioField field)
    {
        foreach (var value in values)
        {
            if ((uint)value.Index < (uint)_fields.Length && _fields[value.Index] == field)
            {
                return value.Value;
            }
        }
        return null;
    }
}
