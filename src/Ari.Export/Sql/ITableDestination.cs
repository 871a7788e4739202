namespace Ari.Export.Sql;

/// <summary>Where a recording's rows go as it loads, a table at a time.</summary>
internal interface ITableDestination
{
    /// <summary>The statement that writes <paramref name="table"/>'s rows, which <paramref name="rows"/> (a table function's call) yields.</summary>
    string Write(string table, string rows);

    /// <summary>Every row of <paramref name="table"/> is written: its statement ended well.</summary>
    void Written(string table);
}

/// <summary>Rows inserted into the database's tables, as a database file keeps them.</summary>
internal sealed class InsertIntoTables : ITableDestination
{
    public static readonly InsertIntoTables Instance = new();

    public string Write(string table, string rows) => $"INSERT INTO {table} SELECT * FROM {rows}";

    public void Written(string table)
    {
    }
}
