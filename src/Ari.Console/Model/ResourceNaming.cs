namespace Ari.Console.Model;

/// <summary>
/// What a resource is and where it was made, alike for every resource made at one place: one instance
/// for all of them (<see cref="RowParts"/>), held by each row.
/// </summary>
internal sealed record ResourceNaming(string ConcreteType, string Kind, string? Location, string Target, bool IsInternal);
