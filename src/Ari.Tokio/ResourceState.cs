namespace Ari.Tokio;

/// <summary>A resource's (or async op's) named attributes, in the order they first appeared.</summary>
public sealed class ResourceState
{
    private readonly List<ResourceAttribute> _attributes = [];

    public IReadOnlyList<ResourceAttribute> Attributes => _attributes;

    public ResourceAttribute? Find(string name)
    {
        // A loop, not List.Find with a lambda: this runs for every state update, and the lambda would allocate.
        foreach (var attribute in _attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }
        return null;
    }

    internal ResourceAttribute Get(string name)
    {
        if (Find(name) is { } found)
        {
            return found;
        }
        var attribute = new ResourceAttribute(name);
        _attributes.Add(attribute);
        return attribute;
    }

    public override string ToString() => string.Join(", ", _attributes);
}
