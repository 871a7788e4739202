using System.Text;
using Ari.Views;
using Ari.Views.Styling;
using Ari.Views.Tests.Support;

namespace Ari.Views.Tests.Styling;

/// <summary>Values are shown, never obeyed: by a terminal, by a browser, or by whoever reads plain text.</summary>
public sealed class EscapingTests
{
    [Theory]
    [InlineData(ViewFormat.Plain)]
    [InlineData(ViewFormat.Ansi)]
    public void Terminal_output_shows_control_characters_as_escapes(ViewFormat format)
    {
        var output = Rendered.Bytes(HostileRecording.Build(), format);

        // The only escapes in ANSI output are ari's own colours, each an SGR sequence.
        var withoutColour = System.Text.RegularExpressions.Regex.Replace(output, @"\e\[[0-9;]*m", "");
        Assert.DoesNotContain('\e', withoutColour);
        Assert.DoesNotContain('\a', withoutColour);
        Assert.Contains(@"message \u{1b}[2J\u{1b}]0;pwned\u{7} & <b>""'", withoutColour);
        // A str value as Rust's Debug writes it.
        Assert.Contains(@"quoted=""<script>document.title='pwned'</script>\t\""\u{1b}[2J\u{1b}]0;pwned\u{7}""", withoutColour);
    }

    [Fact]
    public void Html_escapes_every_text()
    {
        var page = Rendered.Bytes(HostileRecording.Build(), ViewFormat.Html);

        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<b>", page);
        Assert.DoesNotContain('\e', page);
        Assert.Contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;", page);
        Assert.Contains("default-src 'none'", page);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("new\nline\r", "\"new\\nline\\r\"")]
    [InlineData("nul\0", "\"nul\\0\"")]
    [InlineData("quote \" back \\ single '", "\"quote \\\" back \\\\ single '\"")]
    [InlineData("bell\a del\x7f", "\"bell\\u{7} del\\u{7f}\"")]
    [InlineData("café 日本 🦀", "\"café 日本 🦀\"")]
    [InlineData("nbsp\u00a0 zwsp\u200b soft\u00ad", "\"nbsp\\u{a0} zwsp\\u{200b} soft\\u{ad}\"")]
    [InlineData("e\u0301", "\"e\\u{301}\"")]
    public void Str_values_are_escaped_as_rust_debug_does(string value, string expected)
    {
        var text = new StyledText();
        TextEscapes.AppendRustStr(text, value, TextStyle.Plain);
        Assert.Equal(expected, Encoding.UTF8.GetString(text.Bytes));
    }

    [Theory]
    [InlineData("as is \"quoted\" \\ tab\tend", "as is \"quoted\" \\ tab\\u{9}end")]
    [InlineData("\e[31mred\u009b", "\\u{1b}[31mred\\u{9b}")]
    [InlineData("日本 🦀", "日本 🦀")]
    public void Preformatted_text_is_shown_as_is_but_for_control_characters(string value, string expected)
    {
        var text = new StyledText();
        TextEscapes.AppendVisible(text, value, TextStyle.Plain);
        Assert.Equal(expected, Encoding.UTF8.GetString(text.Bytes));
    }
}
