using System.Text.Json;

namespace Ari.Model;

/// <summary>
/// What a JSON writer that writes many lines has escaped once and keeps: a callsite's field names, and
/// recurring string values. <see cref="FieldsJson"/> writes the same bytes with or without it.
/// </summary>
public interface IEscapedFieldTexts
{
    JsonEncodedText FieldName(int index);

    void WriteText(Utf8JsonWriter json, string text);
}
