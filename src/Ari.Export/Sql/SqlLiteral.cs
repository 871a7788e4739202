namespace Ari.Export.Sql;

/// <summary>Text as a SQL string literal, for the names and paths ari puts into statements it runs.</summary>
internal static class SqlLiteral
{
    public static string Of(string text) => "'" + text.Replace("'", "''") + "'";
}
