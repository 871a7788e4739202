using Ari.Model;

namespace Ari.Views;

/// <summary>
/// What the views keep on a span (<see cref="SpanNode.ViewLabel"/>; IDs are reused after close, so not
/// by ID), each part made on first use: the label and the JSON view's texts. It goes
/// when the replay lets go of its span, even when a filter hid the span's close from the view. Each part
/// depends on the span alone, so every view of a replay can share them.
/// </summary>
internal sealed class SpanViews
{
    public SpanLabel? Label { get; set; }

    public SpanJson? Json { get; set; }

    public static SpanViews Of(SpanNode span)
    {
        if (span.ViewLabel is not SpanViews views)
        {
            views = new SpanViews();
            span.ViewLabel = views;
        }
        return views;
    }
}
