using Ari.Console.Ui;

namespace Ari.Console.Tests.Ui;

public sealed class AnsiLineTests
{
    [Fact]
    public void A_line_of_the_colour_view_becomes_cells_with_its_colours_and_emphasis()
    {
        var line = AnsiLine.Parse("\e[2m2024-01-30T\e[0m\e[1;38;2;90;186;132mruntime.spawn\e[0m plain", selected: true);

        Assert.Equal(["2024-01-30T", "runtime.spawn", " plain"], line.Cells.Select(cell => cell.Text));
        Assert.Equal([new TextLook(Dim: true), new TextLook(0x5aba84, Bold: true), new TextLook()], line.Looks!);
        Assert.True(line.Selected);
    }
}
