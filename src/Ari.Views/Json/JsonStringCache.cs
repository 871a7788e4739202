using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ari.Views.Json;

/// <summary>
/// Recurring strings escaped for JSON once. The decoder hands out one string instance for a recurring
/// short value (<c>task</c>, <c>waker.clone</c>, a source path), so a string is known by reference, at
/// no cost. A string is escaped the second time it is seen, so text that never recurs (most messages)
/// costs nothing extra. Direct-mapped: a slot holds the last string that landed in it.
/// </summary>
internal sealed class JsonStringCache(JavaScriptEncoder encoder)
{
    private const int Slots = 1024;

    private readonly (string? Text, JsonEncodedText Encoded, bool IsEncoded)[] _slots = new (string?, JsonEncodedText, bool)[Slots];

    public void WriteValue(Utf8JsonWriter json, string text)
    {
        if (TryGet(text, out var encoded))
        {
            json.WriteStringValue(encoded);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    private bool TryGet(string text, out JsonEncodedText encoded)
    {
        ref var slot = ref _slots[RuntimeHelpers.GetHashCode(text) & (Slots - 1)];
        if (!ReferenceEquals(slot.Text, text))
        {
            slot = (text, default, false);
            encoded = default;
            return false;
        }
        if (!slot.IsEncoded)
        {
            slot = (text, JsonEncodedText.Encode(text, encoder), true);
        }
        encoded = slot.Encoded;
        return true;
    }
}
