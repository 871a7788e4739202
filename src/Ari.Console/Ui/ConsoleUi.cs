using Terminal.Gui.App;

namespace Ari.Console.Ui;

/// <summary>
/// <c>ari console</c> in the terminal: runs the console over <paramref name="feed"/> until the user quits,
/// and leaves the terminal as it found it however the console ends (q, Ctrl-C, SIGINT, a crash): the
/// application's disposal restores it.
/// </summary>
public static class ConsoleUi
{
    /// <summary>How often a live console reads the growing recording again.</summary>
    internal static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(300);

    public static void Run(ConsoleFeed feed, bool colour)
    {
        using var app = Application.Create();
        app.Init();
        // Ctrl-C is a key in the console's raw mode; a SIGINT from elsewhere must still end it through the
        // application, which restores the terminal, rather than end the process with the screen as it is.
        ConsoleCancelEventHandler interrupted = (_, e) =>
        {
            e.Cancel = true;
            app.Invoke(() => app.RequestStop());
        };
        System.Console.CancelKeyPress += interrupted;
        try
        {
            app.Run(Open(app, feed, colour, action => app.Invoke(action)));
        }
        finally
        {
            System.Console.CancelKeyPress -= interrupted;
        }
    }

    /// <summary>The console's screen in <paramref name="app"/>, results of work off the UI thread coming back through <paramref name="post"/>.</summary>
    internal static ConsoleScreen Open(IApplication app, ConsoleFeed feed, bool colour, Action<Action> post)
    {
        ConsoleScreen? screen = null;
        var session = new ConsoleSession(feed, post, () => screen?.Changed());
        screen = new ConsoleScreen(session, colour);
        if (feed.IsLive)
        {
            session.Refresh();
            // Drawn on each tick too: how the program stands (running, exited) shows while the view is paused.
            app.AddTimeout(RefreshEvery, () =>
            {
                session.Refresh();
                screen.Changed();
                return true;
            });
        }
        return screen;
    }
}
