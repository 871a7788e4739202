using System.Text.Json;
using System.Text.RegularExpressions;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// A real program's hostile values (markup, scripts, terminal escapes, control characters, a 100 KB
/// string) are shown, never obeyed, in every format and layout.
/// </summary>
public sealed partial class HostileValuesTests
{
    private static string Show(params string[] options)
    {
        var shown = InProcessAri.Run(["show", Examples.Recorded("hostile").Recording, .. options]);
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        return shown.Stdout;
    }

    [Theory]
    [InlineData("plain", "line")]
    [InlineData("plain", "tree")]
    [InlineData("ansi", "line")]
    [InlineData("ansi", "tree")]
    public void A_terminal_sees_no_escape_but_ari_s_own_colours(string format, string layout)
    {
        var text = SgrSequence().Replace(Show("--format", format, "--layout", layout), "");

        foreach (var control in text.Where(c => char.IsControl(c) && c != '\n'))
        {
            Assert.Fail($"a raw control character U+{(int)control:X4} reaches the terminal");
        }
        Assert.Contains(@"escapes=""\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7}""", text);
        Assert.Contains(@"debugged=Sneaky { escape: \u{1b}[2J, bell: \u{7}, nul: \u{0} }", text);
        Assert.Contains(new string('x', 100_000), text);
    }

    [Fact]
    public void Html_shows_markup_as_text()
    {
        var page = Show("--format", "html");

        Assert.DoesNotContain("<script>document", page);
        Assert.DoesNotContain("<img", page);
        Assert.DoesNotContain("<b>markup", page);
        Assert.DoesNotContain('\e', page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
    }

    [Fact]
    public void Json_carries_the_values_exactly_and_escaped()
    {
        var lines = Show("--format", "json").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.DoesNotContain(line, c => char.IsControl(c)));

        var warn = lines.Select(line => JsonDocument.Parse(line).RootElement).Single(e => e.GetProperty("level").GetString() == "WARN");
        var fields = warn.GetProperty("fields");
        Assert.Equal("\e[31mred\e[0m \e]0;title\a", fields.GetProperty("escapes").GetString());
        Assert.Equal("bell\a backspace\b nul\0 del\x7f c1\u009b", fields.GetProperty("controls").GetString());
        Assert.Equal(100_000, fields.GetProperty("long").GetString()!.Length);
    }

    [GeneratedRegex(@"\e\[[0-9;]*m")]
    private static partial Regex SgrSequence();
}
