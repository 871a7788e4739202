using System.CommandLine;

namespace Ari.Cli;

/// <summary>
/// <c>ari record -o out.ari ./server --port 80</c>: everything from the program's name on belongs to
/// the program, options included. System.CommandLine would read <c>--port</c> as ari's own option, so
/// a <c>--</c> is put in front of the program's name unless the user wrote one.
/// </summary>
internal static class CommandSplit
{
    /// <param name="args">The whole command line.</param>
    /// <param name="root">ari's commands; those with a <c>command</c> argument run a program.</param>
    public static string[] Normalize(string[] args, RootCommand root)
    {
        var command = args.Length == 0 ? null : root.Subcommands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null || !command.Arguments.Any(a => a.Name == "command") || args.Contains("--"))
        {
            return args;
        }
        var optionsWithValue = command.Options
            .Where(option => option.ValueType != typeof(bool))
            .SelectMany(option => option.Aliases.Append(option.Name))
            .ToHashSet();
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
