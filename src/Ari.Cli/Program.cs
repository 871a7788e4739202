using Ari.Cli;

return AriCommandLine.Run(args, SystemConsole.Instance);
