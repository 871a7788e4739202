using Ari.Model;
using Ari.Tokio;
using Ari.Views.Styling;
using Ari.Wire;

namespace Ari.Views.Text;

/// <summary>
/// The pieces both text layouts are made of, each styled as the palette says: timestamp, level, span
/// label, lifecycle word, an event's <c>target: fields</c>, and ari's note on a wake.
/// </summary>
internal sealed class EntryParts
{
    private static readonly TextStyle Dim = new(Tint.None, Emphasis.Dim);
    private static readonly TextStyle DimBold = new(Tint.Neutral, Emphasis.Dim | Emphasis.Bold);

    private readonly bool _wakeNotes;
    private readonly TimestampCache _timestamps = new();
    private readonly CallsiteMap<CallsiteTexts> _callsites = new(callsite => new CallsiteTexts(callsite));

    public EntryParts(bool wakeNotes)
    {
        _wakeNotes = wakeNotes;
        Labels = new SpanLabelCache(_callsites);
    }

    public SpanLabelCache Labels { get; }

    /// <summary>Whether <see cref="AppendWakeNote"/> writes anything.</summary>
    public bool ShowsWakeNotes => _wakeNotes;

    /// <summary><c>YYYY-MM-DDTHH:MM:SS.ffffffZ</c>, dimmed, date and time bold.</summary>
    public void AppendTimestamp(StyledText line, DateTime utc)
    {
        _timestamps.Write(utc, line.Reserve(Timestamps.Length));
        line.Commit("yyyy-MM-dd".Length, DimBold);
        line.Commit("T".Length, Dim);
        line.Commit("HH:mm:ss".Length, DimBold);
        line.Commit(".ffffffZ".Length, Dim);
    }

    /// <summary>Right-aligned to five characters, as 0.0.1's <c>{level:>5}</c>.</summary>
    public static void AppendLevel(StyledText line, Level level)
    {
        var text = level switch
        {
            Level.Trace => "TRACE"u8,
            Level.Debug => "DEBUG"u8,
            Level.Info => " INFO"u8,
            Level.Warn => " WARN"u8,
            _ => "ERROR"u8,
        };
        line.Append(text, new TextStyle(Palette.Of(level)));
    }

    /// <summary>The head every entry starts with: timestamp, a space, the level, a space.</summary>
    public void AppendHead(StyledText line, in TraceEntry entry, in EntryFacts facts)
    {
        AppendTimestamp(line, facts.Replay.WallClock(entry.Timestamp));
        line.Append(" "u8, TextStyle.Plain);
        AppendLevel(line, entry.Callsite.Level);
        line.Append(" "u8, TextStyle.Plain);
    }

    public static void AppendLifecycle(StyledText line, TraceOp op, SpanLabel span)
    {
        var word = op switch
        {
            TraceOp.New => "new"u8,
            TraceOp.Enter => "enter"u8,
            TraceOp.Exit => "exit"u8,
            _ => "close"u8,
        };
        line.Append(word, new TextStyle(span.Id, Emphasis.Bold | Emphasis.Underline));
    }

    /// <summary><c>target: fields</c>, the target bold in the kind's ID colour, the fields in its colour.</summary>
    public void AppendEvent(StyledText line, in TraceEntry entry, InstrumentationKind kind)
    {
        var texts = _callsites[entry.Callsite];
        line.Append(texts.Target, new TextStyle(Palette.Id(kind), Emphasis.Bold));
        line.Append(": "u8, TextStyle.Plain);
        FieldText.AppendEvent(line, texts, entry.Values, new TextStyle(Palette.Base(kind)));
    }

    /// <summary>Which entries the text views show: 0.0.1 printed neither <c>record</c> nor <c>follows_from</c>.</summary>
    public static bool IsShown(TraceOp op) => op is not (TraceOp.Record or TraceOp.Follows);

    /// <summary>ari's own addition, after the original text and never in plain output: who woke the task.</summary>
    public void AppendWakeNote(StyledText line, in EntryFacts facts)
    {
        if (!_wakeNotes || facts.Wake is not { } wake)
        {
            return;
        }
        var style = new TextStyle(Tint.Neutral, Emphasis.Dim);
        switch (wake.Class)
        {
            case WakeClass.Self:
                line.Append(" ⟵ self-wake"u8, style);
                break;
            case WakeClass.Task:
                line.Append(" ⟵ woken by task "u8, style);
                AppendNumber(line, wake.By ?? 0, style);
                break;
            case WakeClass.Runtime:
                line.Append(" ⟵ woken by the runtime"u8, style);
                break;
            default:
                line.Append(" ⟵ woken from outside the runtime"u8, style);
                break;
        }
        if (wake.TaskClosed)
        {
            line.Append(" (task closed)"u8, style);
        }
    }

    private static void AppendNumber(StyledText line, ulong value, TextStyle style) =>
        line.Commit(value.TryFormat(line.Reserve(20), out var written, default, System.Globalization.CultureInfo.InvariantCulture) ? written : 0, style);
}
