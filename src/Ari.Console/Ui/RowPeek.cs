using Ari.Console.Model;

namespace Ari.Console.Ui;

/// <summary>How a list's rows are read for a look alone, to sort or measure them.</summary>
internal static class RowPeek
{
    /// <summary>
    /// A snapshot's rows made for the look and not kept (a snapshot keeps every row read, and a list at a
    /// long recording's end has hundreds of thousands); any other list's rows as they are.
    /// </summary>
    public static Func<int, T> Of<T>(IReadOnlyList<T> list)
        where T : class => list is SnapshotRows<T> rows ? rows.Peek : index => list[index];
}
