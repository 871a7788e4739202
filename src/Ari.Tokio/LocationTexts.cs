using Ari.Wire;

namespace Ari.Tokio;

/// <summary>
/// Where tasks were spawned and resources created, as text. Tasks carry <c>loc.file</c>/<c>loc.line</c>/<c>loc.col</c>;
/// blocking tasks (Tokio 1.24's blocking pool) carry one <c>spawn.location</c> text <c>file:line:col</c> instead.
/// A program spawns from a handful of places many times over: each place's text is made once and shared.
/// </summary>
internal sealed class LocationTexts
{
    private readonly Dictionary<(FieldValue File, FieldValue? Line, FieldValue? Col), string> _texts = [];

    public string? Of(TokioCallsite callsite, ReadOnlySpan<Field> values)
    {
        if (callsite.Find(values, TokioField.LocFile) is not { } file)
        {
            return SpanFields.Text(callsite.Find(values, TokioField.SpawnLocation));
        }
        var place = (file, callsite.Find(values, TokioField.LocLine), callsite.Find(values, TokioField.LocCol));
        if (!_texts.TryGetValue(place, out var text))
        {
            text = Text(place.file, place.Item2, place.Item3);
            _texts[place] = text;
        }
        return text;
    }

    private static string Text(FieldValue fileValue, FieldValue? lineValue, FieldValue? colValue)
    {
        var file = SpanFields.Text(fileValue)!;
        var line = SpanFields.Text(lineValue);
        var col = SpanFields.Text(colValue);
        return line is null ? file : col is null ? $"{file}:{line}" : $"{file}:{line}:{col}";
    }
}
