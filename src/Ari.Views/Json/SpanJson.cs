using Ari.Wire;

namespace Ari.Views.Json;

/// <summary>
/// A span's texts in the JSON lines, written once: every entry inside the span repeats its scope, and
/// every enter, exit and close repeats its fields, which change only on <c>record</c>.
/// </summary>
internal sealed class SpanJson(byte[] scope)
{
    private FieldValues _values;
    private byte[]? _fields;

    /// <summary><c>[root, …, span]</c>: the scope of an entry whose parent is the span.</summary>
    public byte[] Scope { get; } = scope;

    /// <summary>The fields object last written for these very values, if any.</summary>
    public byte[]? FieldsFor(FieldValues values) =>
        _fields is not null && values.IsSameAs(_values) ? _fields : null;

    public void KeepFields(FieldValues values, byte[] json)
    {
        _values = values;
        _fields = json;
    }
}
