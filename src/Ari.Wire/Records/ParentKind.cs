namespace Ari.Wire;

/// <summary>How a new span or an event names its parent; the wire's <c>parent</c> tag.</summary>
public enum ParentKind : byte
{
    /// <summary>The span the thread is in; the reader resolves it from its own per-thread stack.</summary>
    Contextual = 0,

    /// <summary>Explicitly no parent.</summary>
    Root = 1,

    /// <summary>A named span.</summary>
    Explicit = 2,
}
