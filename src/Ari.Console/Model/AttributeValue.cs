using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// An attribute's name, value and unit, alike in most resources of one kind (<c>tx_dropped=false</c>):
/// one instance for all of them (<see cref="RowParts"/>), where each resource's own attribute object
/// would cost it more than its row.
/// </summary>
internal sealed record AttributeValue(string Name, FieldValue? Value, string? Unit);
