using System.Collections.Concurrent;
using Ari.Console.Ui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace Ari.Console.Tests.Ui;

/// <summary>
/// The interactive console under Terminal.Gui's ANSI driver with no terminal behind it (its buffer-only
/// mode) and virtual time: keys and mouse go in through the input injector, the screen comes out as
/// text. Work off the UI thread comes back through a queue the test drains (<see cref="Settle"/>), so
/// every screen read is of a finished moment.
/// </summary>
internal sealed class FakeTerminal : IDisposable
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly SessionToken _session;

    public FakeTerminal(ConsoleFeed feed, int columns = 120, int rows = 30)
    {
        App = Application.Create(new VirtualTimeProvider());
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(columns, rows);
        Screen = ConsoleUi.Open(App, feed, colour: false, _posted.Enqueue);
        _session = App.Begin(Screen)!;
        Settle();
    }

    public IApplication App { get; }

    public ConsoleScreen Screen { get; }

    public ConsoleSession Session => Screen.Session;

    /// <summary>The screen as text, a line a row, trailing spaces trimmed.</summary>
    public string Text => string.Join('\n', Lines);

    public IReadOnlyList<string> Lines => App.Driver!.ToString()!.Split('\n').Select(line => line.TrimEnd('\r', ' ')).ToList();

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            App.InjectKey(key);
            Settle();
        }
    }

    /// <summary>Types <paramref name="text"/> a character at a time, as keys.</summary>
    public void Type(string text) => Press(text.Select(c => new Key(c)).ToArray());

    public void Click(int x, int y) => Mouse(x, y, MouseFlags.LeftButtonClicked);

    public void Mouse(int x, int y, MouseFlags flags)
    {
        App.InjectMouse(new Mouse { ScreenPosition = new System.Drawing.Point(x, y), Flags = flags });
        Settle();
    }

    /// <summary>Waits for the work off the UI thread, applies what it sent back, and draws.</summary>
    public void Settle()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        do
        {
            while (_posted.TryDequeue(out var apply))
            {
                apply();
            }
            if (Session.IsComputing)
            {
                Thread.Sleep(5);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the console's work off the UI thread did not finish");
            }
        }
        while (Session.IsComputing || !_posted.IsEmpty);
        App.LayoutAndDraw(forceRedraw: true);
    }

    public void Dispose()
    {
        App.End(_session);
        App.Dispose();
    }
}
