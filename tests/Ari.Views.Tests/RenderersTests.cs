namespace Ari.Views.Tests;

/// <summary>Which views say who woke a task: the pipeline follows Tokio's tasks only for those.</summary>
public sealed class RenderersTests
{
    [Theory]
    [InlineData(ViewFormat.Plain, ViewLayout.Line, false)]
    [InlineData(ViewFormat.Plain, ViewLayout.Tree, false)]
    [InlineData(ViewFormat.Ansi, ViewLayout.Line, true)]
    [InlineData(ViewFormat.Ansi, ViewLayout.Tree, true)]
    [InlineData(ViewFormat.Html, ViewLayout.Line, true)]
    [InlineData(ViewFormat.Json, ViewLayout.Line, true)]
    public void Only_plain_text_never_shows_a_wake(ViewFormat format, ViewLayout layout, bool showsWakes)
    {
        using var renderer = Renderers.Create(format, layout, Stream.Null);

        Assert.Equal(showsWakes, renderer.ShowsWakes);
    }
}
