using Ari.Testing;

namespace Ari.Cli.Tests;

public sealed class RecordCommandTests
{
    [Fact]
    public void Recording_keeps_the_programs_exit_code_and_output()
    {
        var plain = Processes.Run(Examples.Binary("fields"), []);
        var output = Examples.ScratchFile("fields.ari");

        var recorded = AriCommand.Run("record", "-o", output, Examples.Binary("fields"));

        Assert.Equal(3, plain.ExitCode);
        Assert.Equal(plain.ExitCode, recorded.ExitCode);
        Assert.Equal(plain.Stdout, recorded.Stdout);
        Assert.Matches(@"^ari: recorded \d+ records \(\d+ bytes\) to .*fields\.ari, 0 dropped\n$", recorded.Stderr);
        Assert.True(new FileInfo(output).Length > 0);
    }

    [Fact]
    public void A_record_time_filter_keeps_only_what_it_enables()
    {
        var output = Examples.ScratchFile("filtered.ari");

        var recorded = AriCommand.Run("record", "-o", output, "--filter", "tokio::task=trace", Examples.Binary("spinner"));
        var shown = InProcessAri.Run("show", output, "--format", "json");

        Assert.Equal(0, recorded.ExitCode);
        var targets = shown.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("target").GetString())
            .ToList();
        Assert.Contains("tokio::task::waker", targets);
        Assert.All(targets, target => Assert.StartsWith("tokio::task", target));
    }

    [Fact]
    public void Options_after_the_program_belong_to_the_program()
    {
        var output = Examples.ScratchFile("echo.ari");

        var recorded = AriCommand.Run("record", "-o", output, "/bin/echo", "--format", "-o", "x");

        Assert.Equal(0, recorded.ExitCode);
        Assert.Equal("--format -o x\n", recorded.Stdout);
        Assert.Contains("wrote no recording", recorded.Stderr);
    }

    [Fact]
    public void A_program_that_does_not_exist_is_a_one_line_error()
    {
        var recorded = AriCommand.Run("record", "-o", Examples.ScratchFile("none.ari"), "/no/such/program");

        Assert.Equal(ExitCodes.UsageError, recorded.ExitCode);
        Assert.StartsWith("ari: cannot run /no/such/program", recorded.Stderr);
        Assert.DoesNotContain("   at ", recorded.Stderr);
    }
}
