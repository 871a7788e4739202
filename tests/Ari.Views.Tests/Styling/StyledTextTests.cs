using System.Buffers;
using System.Text;
using Ari.Views.Styling;
using Ari.Views.Writers;

namespace Ari.Views.Tests.Styling;

/// <summary>
/// Styled text and the ANSI writer copy short pieces without the runtime's general copy (see
/// <c>ShortCopy</c>): every length, around the sizes where the copy changes its method, must come out exact.
/// </summary>
public class StyledTextTests
{
    private static readonly TextStyle Bold = new(Tint.Spawn, Emphasis.Bold);

    [Fact]
    public void Text_of_every_length_up_to_forty_bytes_is_copied_exactly()
    {
        var text = new StyledText();
        var expected = new List<byte>();
        foreach (var piece in Pieces())
        {
            text.Append(piece, StyleOf(piece));
            expected.AddRange(piece);
        }

        Assert.Equal(expected, text.Bytes.ToArray());
    }

    [Fact]
    public void The_ansi_writer_writes_every_segment_exactly()
    {
        var text = new StyledText();
        var expected = new StringBuilder();
        foreach (var piece in Pieces())
        {
            text.Append(piece, StyleOf(piece));
            var word = Encoding.ASCII.GetString(piece);
            expected.Append(StyleOf(piece).IsPlain ? word : $"\e[1;38;2;{Rgb(Tint.Spawn)}m{word}\e[0m");
        }

        var output = new ArrayBufferWriter<byte>();
        new AnsiWriter().Write(text, output);

        Assert.Equal(expected.ToString(), Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Unstyled_text_hands_its_array_on_and_goes_on_in_the_one_given()
    {
        var text = new StyledText(keepsStyles: false);
        foreach (var piece in Pieces())
        {
            text.Append(piece, StyleOf(piece));
        }
        var expected = text.Bytes.ToArray();
        var next = new byte[8];

        var filled = text.Swap(next, out var length);
        text.Append("after"u8, Bold);

        Assert.Equal(expected, filled.AsSpan(0, length).ToArray());
        Assert.Equal("after"u8.ToArray(), text.Bytes.ToArray());
        Assert.Throws<InvalidOperationException>(() => new StyledText().Swap(next, out _));
    }

    /// <summary>Pieces of 0 to 40 bytes, each of its own letters, so that no two neighbours merge into one segment unnoticed.</summary>
    private static IEnumerable<byte[]> Pieces() =>
        Enumerable.Range(0, 41).Select(length => Enumerable.Range(0, length).Select(i => (byte)('a' + ((length + i) % 26))).ToArray());

    private static TextStyle StyleOf(byte[] piece) => piece.Length % 2 == 0 ? TextStyle.Plain : Bold;

    private static string Rgb(Tint tint)
    {
        var rgb = Palette.Rgb(tint);
        return $"{rgb >> 16};{(rgb >> 8) & 0xff};{rgb & 0xff}";
    }
}
