using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ari.Views.Analysis;

/// <summary>Writes one JSON object a line, as <c>ari show --format json</c> does.</summary>
public sealed class JsonLines(Stream output) : IDisposable
{
    /// <summary>How every JSON line is written: a value made apart from its line (<see cref="JsonValueLog"/>) is written so too.</summary>
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Utf8JsonWriter _json = new(output, Options);

    public void Write(Action<Utf8JsonWriter> writeObject)
    {
        _json.WriteStartObject();
        writeObject(_json);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        output.Write("\n"u8);
    }

    public void Dispose()
    {
        _json.Dispose();
        output.Flush();
    }

    public static void NumberOrNull(Utf8JsonWriter json, string name, ulong? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void StringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
