namespace Ari.Cli;

/// <summary>
/// While a traced program runs, Ctrl-C reaches it through the terminal and ends it; ari itself stays,
/// to show or report what the program sent until it ended. Dispose to let Ctrl-C end ari again.
/// </summary>
internal sealed class InterruptPassThrough : IDisposable
{
    private readonly ConsoleCancelEventHandler _keepRunning = (_, e) => e.Cancel = true;

    public InterruptPassThrough() => System.Console.CancelKeyPress += _keepRunning;

    public void Dispose() => System.Console.CancelKeyPress -= _keepRunning;
}
