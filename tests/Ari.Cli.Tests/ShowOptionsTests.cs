using System.Text.Json;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary><c>ari show</c>'s formats, colour choice, help and mistakes, as a user meets them.</summary>
public sealed class ShowOptionsTests
{
    private static string Spinner => Examples.Recorded("spinner").Recording;

    [Fact]
    public void Without_a_terminal_the_default_is_plain_text()
    {
        var shown = InProcessAri.Run("show", Spinner);

        Assert.Equal(0, shown.ExitCode);
        Assert.DoesNotContain('\e', shown.Stdout);
        Assert.Contains(" TRACE runtime.spawn[", shown.Stdout);
        Assert.Equal("", shown.Stderr);
    }

    [Fact]
    public void Color_always_writes_24_bit_colour()
    {
        var shown = InProcessAri.Run("show", Spinner, "--color", "always");

        Assert.Contains("\e[38;2;72;158;108mruntime.spawn[\e[0m\e[1;38;2;90;186;132m", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("\e[1;38;2;199;125;255mtokio::task::waker\e[0m", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_wins_over_auto_but_not_over_always()
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = "1" };

        var auto = InProcessAri.Run(["show", Spinner], env);
        var always = InProcessAri.Run(["show", Spinner, "--color", "always"], env);

        Assert.DoesNotContain('\e', auto.Stdout);
        Assert.Contains('\e', always.Stdout);
    }

    [Fact]
    public void On_a_terminal_the_default_is_colour_unless_NO_COLOR_is_set()
    {
        var terminal = new TestConsole(isTerminal: true);
        var noColor = new TestConsole(new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, isTerminal: true);

        Assert.Equal(ExitCodes.Ok, AriCommandLine.Run(["show", Spinner], terminal));
        Assert.Equal(ExitCodes.Ok, AriCommandLine.Run(["show", Spinner], noColor));

        Assert.Contains("\e[38;2;72;158;108mruntime.spawn[", terminal.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\e', noColor.Stdout);
    }

    [Fact]
    public void Every_format_and_layout_shows_the_same_entries()
    {
        var plain = InProcessAri.Run("show", Spinner, "--format", "plain").Stdout;
        var ansi = InProcessAri.Run("show", Spinner, "--format", "ansi").Stdout;
        var tree = InProcessAri.Run("show", Spinner, "--format", "plain", "--layout", "tree").Stdout;
        var json = InProcessAri.Run("show", Spinner, "--format", "json").Stdout;

        var lines = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shownOps = json.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(line => JsonDocument.Parse(line).RootElement.GetProperty("op").GetString() is not ("record" or "follows"));
        Assert.Equal(shownOps, lines.Length);
        // ANSI is the plain text with colour (and ari's notes on wakes, after the original text).
        var uncoloured = System.Text.RegularExpressions.Regex.Replace(ansi, @"\e\[[0-9;]*m", "");
        Assert.Equal(lines, uncoloured.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(" ⟵ ")[0]));
        // The tree starts one head line per entry, each ending in the level and a space.
        Assert.Equal(lines.Length, tree.Split('\n').Count(line => line.Length > 0 && !line.StartsWith(' ')));
        Assert.All(tree.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(@"^(\d{4}-.* (TRACE|DEBUG| INFO| WARN|ERROR) |(   )(  )*⤷ .*)$", line));
    }

    [Fact]
    public void Html_is_a_standalone_page()
    {
        var shown = InProcessAri.Run("show", Spinner, "--format", "html");

        Assert.StartsWith("<!DOCTYPE html>", shown.Stdout);
        Assert.Contains("background: #2b303b", shown.Stdout);
        Assert.Contains("<span class=\"spawn\">runtime.spawn[</span><span class=\"spawn-id b\">", shown.Stdout);
        Assert.EndsWith("</html>\n", shown.Stdout);
    }

    [Fact]
    public void Help_shows_examples()
    {
        var help = InProcessAri.Run("show", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--layout tree", help.Stdout);
        Assert.Contains("--kind", help.Stdout);
        Assert.Contains("Examples:", help.Stdout);
    }

    public static TheoryData<string[], string> Mistakes => new()
    {
        { ["--format", "pdf"], "--format pdf" },
        { ["--layout", "sideways"], "--layout sideways" },
        { ["--color", "sometimes"], "--color sometimes" },
        { ["--format", "ansi", "--color", "never"], "--format ansi" },
        { ["--kind", "spawn,gremlin"], "--kind gremlin" },
        { ["--level", "loud"], "--level loud" },
        { ["--task", "abc"], "--task abc" },
        { ["--span", "0"], "--span 0" },
        { ["--since", "yesterday"], "--since yesterday" },
        { ["--until", "+5 parsecs"], "--until +5 parsecs" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_bad_value_is_one_line_and_exit_code_1(string[] options, string named)
    {
        var shown = InProcessAri.Run(["show", Spinner, .. options]);

        Assert.Equal(ExitCodes.UsageError, shown.ExitCode);
        Assert.StartsWith($"ari: {named}", shown.Stderr);
        Assert.Single(shown.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", shown.Stdout);
    }
}
