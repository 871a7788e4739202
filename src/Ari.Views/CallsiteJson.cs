using System.Text.Encodings.Web;
using System.Text.Json;
using Ari.Wire;

namespace Ari.Views;

/// <summary>A callsite's texts escaped for JSON once, not on every line: its name, target, level and field names.</summary>
internal sealed class CallsiteJson
{
    private readonly Callsite _callsite;
    private readonly JavaScriptEncoder _encoder;
    private readonly JsonEncodedText[] _fieldNames;

    public CallsiteJson(Callsite callsite, JavaScriptEncoder encoder)
    {
        _callsite = callsite;
        _encoder = encoder;
        Name = JsonEncodedText.Encode(callsite.Name, encoder);
        Target = JsonEncodedText.Encode(callsite.Target, encoder);
        Level = JsonEncodedText.Encode(JsonLinesRenderer.LevelName(callsite.Level), encoder);
        _fieldNames = [.. callsite.FieldNames.Select(name => JsonEncodedText.Encode(name, encoder))];
    }

    public JsonEncodedText Name { get; }

    public JsonEncodedText Target { get; }

    public JsonEncodedText Level { get; }

    public JsonEncodedText FieldName(int index) =>
        (uint)index < (uint)_fieldNames.Length ? _fieldNames[index] : JsonEncodedText.Encode(JsonLinesRenderer.FieldName(_callsite, index), _encoder);
}
