using Ari.Model;
using Ari.Views;
using Ari.Wire;

namespace Ari.Fuzz.Tests;

/// <summary>Everything <c>ari show</c> does with a recording's bytes, output thrown away.</summary>
internal static class ShowPipeline
{
    public static readonly (ViewFormat Format, ViewLayout Layout)[] Views =
    [
        (ViewFormat.Ansi, ViewLayout.Line),
        (ViewFormat.Ansi, ViewLayout.Tree),
        (ViewFormat.Plain, ViewLayout.Line),
        (ViewFormat.Plain, ViewLayout.Tree),
        (ViewFormat.Html, ViewLayout.Line),
        (ViewFormat.Html, ViewLayout.Tree),
        (ViewFormat.Json, ViewLayout.Line),
    ];

    /// <summary>Runs the bytes through decoder, replay, Tokio tracker and one view; a damaged stream may only say so.</summary>
    public static void Run(byte[] bytes, int view)
    {
        var (format, layout) = Views[view % Views.Length];
        using var renderer = Renderers.Create(format, layout, Stream.Null);
        var pipeline = new EntryPipeline(renderer);
        using var source = new RecordSource(new MemoryStream(bytes));
        // Damage is the one failure a bad input may cause: ari says what and where, and shows what came before.
        new Replay().Play(source, pipeline);
        renderer.Flush();
    }
}
