using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ari.Views.Styling;

/// <summary>
/// Makes recorded text safe to show. A <c>str</c> value is quoted and escaped as Rust's <c>{:?}</c>
/// does, so the text view matches what ari-subscriber printed. Pre-formatted text (<c>%</c>, <c>?</c>,
/// messages, errors) and names are shown as they are, except control characters, which a terminal
/// would obey: they become visible escapes such as <c>\u{1b}</c>.
/// </summary>
internal static class TextEscapes
{
    // C0, DEL and C1: ESC and CSI (0x9b) start terminal commands; the rest move the cursor or worse.
    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlChars());

    // What Rust's str Debug writes as it is without looking further: printable ASCII but quote and backslash.
    private static readonly SearchValues<char> PlainInStr = SearchValues.Create(PlainStrChars());

    /// <summary>Whether <paramref name="value"/> has a character <see cref="AppendVisible"/> escapes.</summary>
    public static bool HasControls(ReadOnlySpan<char> value) => value.ContainsAny(Controls);

    public static void AppendVisible(StyledText text, string value, TextStyle style)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOfAny(Controls);
            if (at < 0)
            {
                text.Append(rest, style);
                return;
            }
            text.Append(rest[..at], style);
            AppendUnicodeEscape(text, rest[at], style);
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>A <c>str</c> value as Rust's <c>Debug</c> writes it: in double quotes, escaped.</summary>
    public static void AppendRustStr(StyledText text, string value, TextStyle style)
    {
        text.Append("\""u8, style);
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOfAnyExcept(PlainInStr);
            if (at < 0)
            {
                text.Append(rest, style);
                break;
            }
            text.Append(rest[..at], style);
            Rune.DecodeFromUtf16(rest[at..], out var rune, out var used);
            AppendRustChar(text, rune, style);
            rest = rest[(at + used)..];
        }
        text.Append("\""u8, style);
    }

    private static void AppendRustChar(StyledText text, Rune rune, TextStyle style)
    {
        switch (rune.Value)
        {
            case '\t': text.Append("\\t"u8, style); return;
            case '\r': text.Append("\\r"u8, style); return;
            case '\n': text.Append("\\n"u8, style); return;
            case '"': text.Append("\\\""u8, style); return;
            case '\\': text.Append("\\\\"u8, style); return;
            case '\0': text.Append("\\0"u8, style); return;
        }
        if (IsShownAsIs(rune))
        {
            var written = rune.EncodeToUtf8(text.Reserve(4));
            text.Commit(written, style);
        }
        else
        {
            AppendUnicodeEscape(text, rune.Value, style);
        }
    }

    /// <summary>
    /// Rust's <c>char::escape_debug</c> rule: printable characters stay, others (controls, format
    /// characters, separators other than the space, unassigned, private use) and combining marks are
    /// escaped. Rust decides with its own Unicode tables; .NET's may be a version apart.
    /// </summary>
    private static bool IsShownAsIs(Rune rune)
    {
        if (rune.Value is >= 0x20 and < 0x7f)
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.EnclosingMark => false,
            _ => true,
        };
    }

    private static void AppendUnicodeEscape(StyledText text, int codePoint, TextStyle style)
    {
        var span = text.Reserve(12);
        "\\u{"u8.CopyTo(span);
        codePoint.TryFormat(span[3..], out var digits, "x", CultureInfo.InvariantCulture);
        span[3 + digits] = (byte)'}';
        text.Commit(4 + digits, style);
    }

    private static char[] ControlChars()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            chars.Add(c);
        }
        for (var c = '\x7f'; c <= '\x9f'; c++)
        {
            chars.Add(c);
        }
        return [.. chars];
    }

    private static char[] PlainStrChars()
    {
        var chars = new List<char>();
        for (var c = ' '; c < '\x7f'; c++)
        {
            if (c is not '"' and not '\\')
            {
                chars.Add(c);
            }
        }
        return [.. chars];
    }
}
