namespace Ari.Tokio;

/// <summary>One lint rule's warnings: how many, and the earliest one.</summary>
public sealed class LintFinding(LintRule rule)
{
    public LintRule Rule { get; } = rule;

    public long Count { get; private set; }

    /// <summary>When the earliest occurrence happened (nanoseconds since the anchor).</summary>
    public ulong FirstAt { get; private set; } = ulong.MaxValue;

    /// <summary>The thread of the earliest occurrence, when there is one.</summary>
    public string? FirstThread { get; private set; }

    /// <summary>What the earliest occurrence is, in words.</summary>
    public string First { get; private set; } = "";

    internal void Add(ulong at, string? thread, string what)
    {
        Count++;
        if (at < FirstAt)
        {
            FirstAt = at;
            FirstThread = thread;
            First = what;
        }
    }
}
