namespace Ari.Views.Analysis;

/// <summary>What a query column's type says about how to write its values.</summary>
internal enum ColumnKind
{
    Other,
    Map,
    TimestampWithOffset,
}
