using Spectre.Console;

namespace Ari.Views.Analysis;

/// <summary>
/// A Spectre.Console console that writes plain text (no colour, no cursor moves) into a writer, wide
/// enough that tables keep their columns when piped or captured in tests.
/// </summary>
public static class TableConsole
{
    public static IAnsiConsole For(TextWriter writer, int width = 240)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>A table in ari's house style: simple borders, headers as given.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }
        return table;
    }

    /// <summary>A table with a title above it.</summary>
    public static Table Titled(string title, params string[] headers)
    {
        var table = Table(headers);
        table.Title = new TableTitle(Markup.Escape(title));
        return table;
    }

    /// <summary>Adds a row of plain texts (never read as markup: Rust type names are full of brackets).</summary>
    public static void Row(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell ?? "")).ToArray());

    /// <summary>Right-aligns the given columns (numbers).</summary>
    public static Table RightAlign(Table table, params int[] columns)
    {
        foreach (var column in columns)
        {
            table.Columns[column].RightAligned();
        }
        return table;
    }
}
