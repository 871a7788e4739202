using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Ari.Console.Frames;

namespace Ari.Console.Tests;

/// <summary>A frame as a picture: well-formed SVG the size of the frame's terminal, each cell at its column in its colour.</summary>
public sealed class FrameSvgWriterTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_cell_is_text_at_its_column_in_the_palettes_colour_on_the_terminals_background()
    {
        var frame = new Frame(new FrameSize(40, 6));
        frame.Add(new FrameCell("Task 4", FrameStyle.Id), new FrameCell("  running", FrameStyle.Running), new FrameCell("   "));
        frame.Add("a <b> & \"c\"\e", FrameStyle.Keys);

        var svg = Picture(frame);
        var texts = svg.Elements(Svg + "text").ToList();

        // 40 columns of 0.6 em and 6 lines of 1.3 em at 14 px, and a margin of 1 em around them.
        Assert.Equal(("364", "137.2"), (svg.Attribute("width")!.Value, svg.Attribute("height")!.Value));
        Assert.Equal("#2b303b", svg.Element(Svg + "rect")!.Attribute("fill")!.Value);
        Assert.Equal(["Task 4", "  running", "a <b> & \"c\"\\u{1b}"], texts.Select(text => text.Value));
        Assert.Equal([("14", "28"), ("64.4", "28"), ("14", "46.2")], texts.Select(text => (text.Attribute("x")!.Value, text.Attribute("y")!.Value)));
        Assert.Equal(("#5aba84", "bold"), (texts[0].Attribute("fill")!.Value, texts[0].Attribute("font-weight")!.Value));
        Assert.Equal("#489e6c", texts[1].Attribute("fill")!.Value);
        Assert.Equal("0.67", texts[2].Attribute("opacity")!.Value);
    }

    [Fact]
    public void A_frame_of_a_recording_keeps_all_its_text_line_by_line()
    {
        var frame = FrameTests.Draw("wakes", "task:4", null, FrameSize.Default);
        var lines = FrameTests.Text(frame).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var byLine = Picture(frame).Elements(Svg + "text")
            .GroupBy(text => double.Parse(text.Attribute("y")!.Value, CultureInfo.InvariantCulture))
            .OrderBy(line => line.Key)
            .Select(line => string.Concat(line.Select(text => text.Value)).Replace(" ", ""));

        Assert.Equal(lines.Select(line => line.Replace(" ", "")), byLine);
    }

    private static XElement Picture(Frame frame)
    {
        using var output = new MemoryStream();
        FrameSvgWriter.Write(frame, output);
        return XElement.Parse(Encoding.UTF8.GetString(output.ToArray()), LoadOptions.PreserveWhitespace);
    }
}
