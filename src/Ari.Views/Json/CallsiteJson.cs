using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ari.Model;
using Ari.Wire;

namespace Ari.Views.Json;

/// <summary>
/// A callsite's texts escaped for JSON once, not on every line: its name, target, level and field names;
/// its string values go through the renderer's <see cref="JsonStringCache"/>.
/// </summary>
internal sealed class CallsiteJson : IEscapedFieldTexts
{
    private readonly Callsite _callsite;
    private readonly JavaScriptEncoder _encoder;
    private readonly JsonStringCache _strings;
    private readonly JsonEncodedText[] _fieldNames;

    public CallsiteJson(Callsite callsite, JavaScriptEncoder encoder, JsonStringCache strings)
    {
        _callsite = callsite;
        _encoder = encoder;
        _strings = strings;
        NameTargetLevel = Encoding.UTF8.GetBytes(
            $",\"name\":\"{Escaped(callsite.Name)}\",\"target\":\"{Escaped(callsite.Target)}\",\"level\":\"{callsite.Level.Name()}\"");
        _fieldNames = [.. callsite.FieldNames.Select(name => JsonEncodedText.Encode(name, encoder))];
    }

    /// <summary>A line's <c>,"name":…,"target":…,"level":…</c>, as it is copied into every line of the callsite.</summary>
    public byte[] NameTargetLevel { get; }

    private string Escaped(string text) => JsonEncodedText.Encode(text, _encoder).ToString();

    public JsonEncodedText FieldName(int index) =>
        (uint)index < (uint)_fieldNames.Length ? _fieldNames[index] : JsonEncodedText.Encode(_callsite.FieldName(index), _encoder);

    public void WriteText(Utf8JsonWriter json, string text) => _strings.WriteValue(json, text);
}
