using Ari.Model;
using Ari.Views.Filtering;
using Ari.Wire;

namespace Ari.Views.Tests.Support;

/// <summary>A recording rendered in this process, through the same pipeline <c>ari show</c> uses.</summary>
internal static class Rendered
{
    public static string File(string recording, ViewFormat format, ViewLayout layout = ViewLayout.Line, EntryFilter? filter = null)
    {
        using var source = RecordSource.OpenFile(recording);
        return Records(source, format, layout, filter);
    }

    public static string Bytes(byte[] recording, ViewFormat format, ViewLayout layout = ViewLayout.Line)
    {
        using var source = new RecordSource(new MemoryStream(recording));
        return Records(source, format, layout, null);
    }

    private static string Records(RecordSource source, ViewFormat format, ViewLayout layout, EntryFilter? filter)
    {
        var output = new MemoryStream();
        using (var renderer = Renderers.Create(format, layout, output))
        {
            var pipeline = new EntryPipeline(renderer, filter is null ? null : (entry, facts) => filter.Matches(entry, facts));
            new Replay().Play(source, pipeline);
        }
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
