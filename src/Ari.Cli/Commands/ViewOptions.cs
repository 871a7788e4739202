using System.CommandLine;
using Ari.Model;
using Ari.Tokio;
using Ari.Views;
using Ari.Views.Filtering;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// The options every view command shares (<c>show</c>, <c>run</c>): format, layout, colour and
/// filters. Each command makes its own instance, adds it with <see cref="AddTo"/>, and after parsing
/// gets a renderer for any output stream and a filter from <see cref="Build"/>. Bad values are
/// <see cref="UserError"/>s: one line, exit code 1.
/// </summary>
internal sealed class ViewOptions
{
    public Option<string?> Format { get; } = new("--format", "-f")
    {
        Description = "ansi, plain, html or json [default: ansi when colour is on, else plain]",
    };

    public Option<string> Layout { get; } = new("--layout")
    {
        Description = "line (one line an entry, as ari-subscriber) or tree (the scope's spans one a line)",
        DefaultValueFactory = _ => "line",
    };

    public Option<string> Color { get; } = new("--color")
    {
        Description = "auto (a terminal, and NO_COLOR unset or empty), always or never",
        DefaultValueFactory = _ => "auto",
    };

    public Option<string[]> Kind { get; } = new("--kind")
    {
        Description = "Only these kinds, comma-separated or repeated: spawn, resource, async_op, async_op_poll, waker, poll_op, state_update, async_op_state_update, other",
    };

    public Option<string[]> Target { get; } = new("--target")
    {
        Description = "Only targets starting with this prefix (comma-separated or repeated)",
    };

    public Option<string?> Level { get; } = new("--level")
    {
        Description = "The least verbose level shown: trace, debug, info, warn, error (debug shows DEBUG to ERROR)",
    };

    public Option<string?> Task { get; } = new("--task")
    {
        Description = "Only the task whose runtime.spawn span has this ID: its lifecycle, what happens inside it, and wakes of it",
    };

    public Option<string?> Span { get; } = new("--span")
    {
        Description = "Only the span with this ID and everything inside it",
    };

    public Option<string?> Since { get; } = new("--since")
    {
        Description = "Only from this time on: RFC 3339 (2024-01-30T15:43:24.01Z) or an offset from the first record (+1.5s, +250ms)",
    };

    public Option<string?> Until { get; } = new("--until")
    {
        Description = "Only up to this time, as --since",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Layout);
        command.Options.Add(Color);
        AddFiltersTo(command);
    }

    /// <summary>The filters alone, for a command with a format of its own (<c>export</c>).</summary>
    public void AddFiltersTo(Command command)
    {
        command.Options.Add(Kind);
        command.Options.Add(Target);
        command.Options.Add(Level);
        command.Options.Add(Task);
        command.Options.Add(Span);
        command.Options.Add(Since);
        command.Options.Add(Until);
    }

    /// <summary>The chosen format, deciding colour when no format was given.</summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="console">Where the view goes: whether it is a terminal, and <c>NO_COLOR</c> (for <c>--color auto</c>).</param>
    private ViewFormat FormatOf(ParseResult result, IConsole console)
    {
        var color = ParseColor(result.GetValue(Color));
        var format = result.GetValue(Format);
        if (format is null)
        {
            return ColorIsOn(color, console) ? ViewFormat.Ansi : ViewFormat.Plain;
        }
        var chosen = format switch
        {
            "ansi" => ViewFormat.Ansi,
            "plain" => ViewFormat.Plain,
            "html" => ViewFormat.Html,
            "json" => ViewFormat.Json,
            _ => throw new UserError($"--format {format}: use ansi, plain, html or json"),
        };
        if (chosen == ViewFormat.Ansi && color == ColorMode.Never)
        {
            throw new UserError("--format ansi writes colour and --color never forbids it: choose one (plain is ansi without colour)");
        }
        return chosen;
    }

    /// <summary>
    /// The renderer the options ask for, writing to <paramref name="output"/> (the <paramref name="console"/>'s
    /// standard output; an HTML page warns there when it grows too big for a browser), and the filter (null: show everything).
    /// </summary>
    public (IEntryRenderer Renderer, Func<TraceEntry, EntryFacts, bool>? Filter) Build(
        ParseResult result, IConsole console, Stream output, string title = "ari")
    {
        var layout = result.GetValue(Layout) switch
        {
            "line" => ViewLayout.Line,
            "tree" => ViewLayout.Tree,
            var other => throw new UserError($"--layout {other}: use line or tree"),
        };
        var format = FormatOf(result, console);
        var filter = BuildFilter(result);
        var renderer = Renderers.Create(format, layout, output, title);
        if (format == ViewFormat.Html)
        {
            renderer = new HtmlPageSizeWarning(renderer, console.Error, HtmlPageSizeWarning.LimitFrom(console));
        }
        return (renderer, filter is null ? null : (entry, facts) => filter.Matches(entry, facts));
    }

    /// <summary>The filter the options ask for; null when none was given.</summary>
    public EntryFilter? BuildFilter(ParseResult result)
    {
        var kinds = new HashSet<InstrumentationKind>();
        foreach (var name in Split(result.GetValue(Kind)))
        {
            if (!Instrumentation.TryParse(name, out var kind))
            {
                throw new UserError($"--kind {name}: use spawn, resource, async_op, async_op_poll, waker, poll_op, state_update, async_op_state_update or other");
            }
            kinds.Add(kind);
        }
        var targets = Split(result.GetValue(Target));
        var level = result.GetValue(Level) is { } levelName ? ParseLevel(levelName) : (Level?)null;
        var task = ParseId(result.GetValue(Task), "--task");
        var span = ParseId(result.GetValue(Span), "--span");
        var since = ParseTime(result.GetValue(Since), "--since");
        var until = ParseTime(result.GetValue(Until), "--until");
        if (kinds.Count == 0 && targets.Count == 0 && level is null && task is null && span is null && since is null && until is null)
        {
            return null;
        }
        return new EntryFilter
        {
            Kinds = kinds,
            Targets = targets,
            Level = level,
            Task = task,
            Span = span,
            Since = since,
            Until = until,
        };
    }

    internal static bool ColorIsOn(ColorMode color, IConsole console) => color switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        // https://no-color.org: set and not empty means no colour.
        _ => !console.IsOutputRedirected && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR")),
    };

    internal static ColorMode ParseColor(string? value) => value switch
    {
        "auto" or null => ColorMode.Auto,
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => throw new UserError($"--color {value}: use auto, always or never"),
    };

    private static Level ParseLevel(string value) => value.ToLowerInvariant() switch
    {
        "trace" => Wire.Level.Trace,
        "debug" => Wire.Level.Debug,
        "info" => Wire.Level.Info,
        "warn" => Wire.Level.Warn,
        "error" => Wire.Level.Error,
        _ => throw new UserError($"--level {value}: use trace, debug, info, warn or error"),
    };

    private static ulong? ParseId(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }
        return ulong.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id != 0
            ? id
            : throw new UserError($"{option} {value}: a span ID is a positive whole number, as shown in name[ID]");
    }

    internal static TimeBound? ParseTime(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }
        return TimeBound.TryParse(value, out var bound)
            ? bound
            : throw new UserError($"{option} {value}: use an RFC 3339 time (2024-01-30T15:43:24.01Z) or an offset from the first record (+1.5s, +250ms)");
    }

    private static List<string> Split(string[]? values)
    {
        var parts = new List<string>();
        foreach (var value in values ?? [])
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                parts.Add(part);
            }
        }
        return parts;
    }
}
