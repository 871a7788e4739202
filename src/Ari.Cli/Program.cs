using System.CommandLine;
using Ari.Cli;
using Ari.Wire;

var root = new RootCommand("""
    ari shows what Tokio's tracing instrumentation says, in sequence, with span IDs.
    Record a program that installs ari_tap::layer(), then show the recording.
    """)
{
    RecordCommand.Create(),
    RunCommand.Create(),
    ShowCommand.Create(),
    TasksCommand.Create(),
    WakesCommand.Create(),
    ResourcesCommand.Create(),
    LintCommand.Create(),
    GraphCommand.Create(),
    DiffCommand.Create(),
    ExportCommand.Create(),
    QueryCommand.Create(),
};

args = CommandSplit.Normalize(args, root);
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserError e)
{
    Console.Error.WriteLine($"ari: {e.Message}");
    return e.ExitCode;
}
catch (WireFormatException e)
{
    Console.Error.WriteLine($"ari: {e.Message}");
    return ExitCodes.BadRecording;
}
catch (IOException e) when (e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase))
{
    // stdout closed early (e.g. `| head`): nothing more to say.
    return ExitCodes.Ok;
}
