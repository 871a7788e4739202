using Ari.Views.Json;
using Ari.Views.Styling;
using Ari.Views.Text;
using Ari.Views.Writers;

namespace Ari.Views;

/// <summary>Makes the renderer for a format and layout, writing to any stream (a file, stdout, a pipe).</summary>
public static class Renderers
{
    public static IEntryRenderer Create(ViewFormat format, ViewLayout layout, Stream output, string title = "ari")
    {
        if (format == ViewFormat.Json)
        {
            return new JsonLinesRenderer(output);
        }
        // Plain stays exactly 0.0.1's text: ari's own notes appear only where colour sets them apart.
        var parts = new EntryParts(wakeNotes: format != ViewFormat.Plain);
        EntryLayout arranged = layout == ViewLayout.Tree ? new TreeLayout(parts) : new LineLayout(parts);
        ISegmentWriter writer = format switch
        {
            ViewFormat.Ansi => new AnsiWriter(),
            ViewFormat.Html => new HtmlWriter(title),
            _ => new PlainWriter(),
        };
        return new TextRenderer(output, arranged, writer);
    }
}
