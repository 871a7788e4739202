using System.Text;
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
        NameTargetLevel = Encoding.UTF8.GetBytes(
            $",\"name\":\"{Escaped(callsite.Name)}\",\"target\":\"{Escaped(callsite.Target)}\",\"level\":\"{JsonLinesRenderer.LevelName(callsite.Level)}\"");
        _fieldNames = [.. callsite.FieldNames.Select(name => JsonEncodedText.Encode(name, encoder))];
    }

    /// <summary>A line's <c>,"name":…,"target":…,"level":…</c>, as it is copied into every line of the callsite.</summary>
    public byte[] NameTargetLevel { get; }

    private string Escaped(string text) => JsonEncodedText.Encode(text, _encoder).ToString();

    public JsonEncodedText FieldName(int index) =>
        (uint)index < (uint)_fieldNames.Length ? _fieldNames[index] : JsonEncodedText.Encode(JsonLinesRenderer.FieldName(_callsite, index), _encoder);
}
