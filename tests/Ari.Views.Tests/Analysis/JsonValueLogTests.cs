using System.Text;
using System.Text.Json;
using Ari.Views.Analysis;

namespace Ari.Views.Tests.Analysis;

/// <summary>A long-lived resource's updates and async ops, kept as JSON text until the resource's line is written.</summary>
public sealed class JsonValueLogTests
{
    [Fact]
    public void Values_kept_in_memory_and_on_disk_are_written_as_if_written_at_once()
    {
        var log = new JsonValueLog(new Lazy<SpillFile>(() => new SpillFile()));
        var value = new JsonValue();
        for (var i = 0; i < 1_000; i++)
        {
            log.Append(value.Of(json => Update(json, i)));
        }

        Assert.Equal(Line(json => Enumerable.Range(0, 1_000).ToList().ForEach(i => Update(json, i))), Line(log.WriteTo));
    }

    private static void Update(Utf8JsonWriter json, int i)
    {
        json.WriteStartObject();
        json.WriteNumber("n", i);
        json.WriteString("text", i % 7 == 0 ? "名前 \"quoted\" <b>" : "x");
        json.WriteEndObject();
    }

    private static string Line(Action<Utf8JsonWriter> values)
    {
        var output = new MemoryStream();
        using (var lines = new JsonLines(output))
        {
            lines.Write(json =>
            {
                json.WriteStartArray("updates");
                values(json);
                json.WriteEndArray();
            });
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
