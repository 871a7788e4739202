namespace Ari.Tokio;

/// <summary>A resource's (or async op's) named attributes, in the order they first appeared.</summary>
public sealed class ResourceState
{
    private readonly List<ResourceAttribute> _attributes = [];

    public IReadOnlyList<ResourceAttribute> Attributes => _attributes;

    public ResourceAttribute? Find(string name) => _attributes.Find(attribute => attribute.Name == name);

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
