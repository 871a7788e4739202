namespace Ari.Wire;

/// <summary>The parent of a new span or an event; <see cref="Id"/> is 0 unless the kind is explicit.</summary>
public readonly record struct SpanParent(ParentKind Kind, ulong Id)
{
    public static SpanParent Contextual => new(ParentKind.Contextual, 0);

    public static SpanParent Root => new(ParentKind.Root, 0);

    public static SpanParent Explicit(ulong id) => new(ParentKind.Explicit, id);

    public override string ToString() => Kind == ParentKind.Explicit ? $"Explicit({Id})" : Kind.ToString();
}
