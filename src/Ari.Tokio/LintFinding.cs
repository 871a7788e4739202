namespace Ari.Tokio;

/// <summary>One lint rule's warnings: every occurrence, in the order they happened.</summary>
public sealed class LintFinding(LintRule rule)
{
    private readonly List<LintOccurrence> _occurrences = [];
    private bool _sorted = true;

    public LintRule Rule { get; } = rule;

    public long Count => _occurrences.Count;

    /// <summary>Every occurrence, earliest first.</summary>
    public IReadOnlyList<LintOccurrence> Occurrences
    {
        get
        {
            if (!_sorted)
            {
                // Some rules can only judge later (a lost waker at the task's close): order by when it happened.
                _occurrences.Sort((a, b) => a.At.CompareTo(b.At));
                _sorted = true;
            }
            return _occurrences;
        }
    }

    public LintOccurrence First => Occurrences[0];

    internal void Add(ulong at, string? thread, string what, ulong? taskSequence = null)
    {
        _sorted &= _occurrences.Count == 0 || _occurrences[^1].At <= at;
        _occurrences.Add(new LintOccurrence(at, thread, what, taskSequence));
    }
}
