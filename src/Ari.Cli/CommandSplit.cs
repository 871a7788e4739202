namespace Ari.Cli;

/// <summary>
/// <c>ari record -o out.ari ./server --port 80</c>: everything from the program's name on belongs to
/// the program, options included. System.CommandLine would read <c>--port</c> as ari's own option, so
/// a <c>--</c> is put in front of the program's name unless the user wrote one.
/// </summary>
public static class CommandSplit
{
    /// <param name="args">The whole command line.</param>
    /// <param name="commands">Subcommands that run a program (<c>record</c>, <c>run</c>).</param>
    /// <param name="optionsWithValue">Their options that take a value, e.g. <c>-o</c>.</param>
    public static string[] Normalize(string[] args, IReadOnlySet<string> commands, IReadOnlySet<string> optionsWithValue)
    {
        if (args.Length == 0 || !commands.Contains(args[0]) || args.Contains("--"))
        {
            return args;
        }
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (optionsWithValue.Contains(arg))
            {
                i++;
            }
            else if (!arg.StartsWith('-'))
            {
                return [.. args[..i], "--", .. args[i..]];
            }
        }
        return args;
    }
}
