using Terminal.Gui.Input;

namespace Ari.Console.Ui;

/// <summary>
/// The console's keys, tokio-console's where it has them (arrows and j/k, enter, esc, t, r, h/l and i for
/// the sort, space, q), and ari's for time ([ ] { } g G n p) and a task's own lines (v). While a prompt is open, keys type into it.
/// </summary>
internal static class ConsoleKeys
{
    private const int Page = 10;

    /// <summary>Does what <paramref name="key"/> means; false for a key the console does not use.</summary>
    public static bool Handle(ConsoleSession session, Key key, int width)
    {
        session.Message = null;
        if (key == Key.C.WithCtrl)
        {
            session.Quit();
            return true;
        }
        return session.Prompt is null ? Command(session, key, width) : Typing(session, key);
    }

    private static bool Typing(ConsoleSession session, Key key)
    {
        if (key == Key.Enter || key == Key.Esc)
        {
            session.EndPrompt(accept: key == Key.Enter);
        }
        else if (key == Key.Backspace)
        {
            session.Erase();
        }
        else if (key.AsRune is { Value: >= ' ' } rune && !key.IsCtrl && !key.IsAlt)
        {
            session.Type(rune.ToString());
        }
        return true;
    }

    private static bool Command(ConsoleSession session, Key key, int width)
    {
        if (key == Key.CursorUp) { session.Move(-1); }
        else if (key == Key.CursorDown) { session.Move(1); }
        else if (key == Key.PageUp) { session.Move(-Page); }
        else if (key == Key.PageDown) { session.Move(Page); }
        else if (key == Key.Home) { session.MoveToFirst(); }
        else if (key == Key.End) { session.MoveToLast(); }
        else if (key == Key.CursorLeft) { session.SortBy(-1); }
        else if (key == Key.CursorRight) { session.SortBy(1); }
        else if (key == Key.Enter) { session.Open(width); }
        else if (key == Key.Esc) { session.Back(); }
        else if (key == Key.Space) { session.TogglePause(); }
        else if (key.IsCtrl || key.IsAlt || key.AsRune.Value < ' ') { return false; }
        else
        {
            return Letter(session, (char)key.AsRune.Value);
        }
        return true;
    }

    private static bool Letter(ConsoleSession session, char letter)
    {
        switch (letter)
        {
            case 'k': session.Move(-1); break;
            case 'j': session.Move(1); break;
            case 'h': session.SortBy(-1); break;
            case 'l': session.SortBy(1); break;
            case 'i': session.InvertSort(); break;
            case 't': session.ShowList(ScreenKind.Tasks); break;
            case 'r': session.ShowList(ScreenKind.Resources); break;
            case 'w': session.ShowList(ScreenKind.Warnings); break;
            case 'd': session.ToggleHideDone(); break;
            case '/': session.StartPrompt(PromptKind.Filter); break;
            case 'g': session.StartPrompt(PromptKind.Jump); break;
            case 'G': session.MoveToEnd(); break;
            case '[': session.Step(-1); break;
            case ']': session.Step(1); break;
            case '{': session.Step(-10); break;
            case '}': session.Step(10); break;
            case 'v': session.ShowTaskLines(); break;
            case 'n': session.Activity(next: true); break;
            case 'p': session.Activity(next: false); break;
            case '?': session.ShowHelp(); break;
            case 'q': session.Quit(); break;
            default: return false;
        }
        return true;
    }
}
