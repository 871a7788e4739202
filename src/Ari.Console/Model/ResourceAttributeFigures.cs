using Ari.Tokio;
using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// One attribute of a resource as it stood at a snapshot's moment, copied from the tracker's
/// <see cref="ResourceAttribute"/>: its value shared with the resources that had the same, its updates
/// its own.
/// </summary>
public readonly struct ResourceAttributeFigures
{
    private readonly AttributeValue _value;

    /// <param name="value">Its name, value and unit, shared (<see cref="RowParts"/>).</param>
    internal ResourceAttributeFigures(AttributeValue value, int updates, ulong lastUpdatedAt)
    {
        _value = value;
        Updates = updates;
        LastUpdatedAt = lastUpdatedAt;
    }

    public string Name => _value.Name;

    public FieldValue? Value => _value.Value;

    public string? Unit => _value.Unit;

    /// <summary>How many state updates set or changed it by the moment, the first included.</summary>
    public int Updates { get; }

    public ulong LastUpdatedAt { get; }

    /// <summary>As <c>ari resources</c> writes it: <c>permits=3</c>.</summary>
    public override string ToString() => ResourceAttribute.Describe(Name, Value, Unit);
}
