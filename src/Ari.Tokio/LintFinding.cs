namespace Ari.Tokio;

/// <summary>One lint rule's warnings: how many, the first, and every occurrence in the order they happened when kept.</summary>
public sealed class LintFinding(LintRule rule, bool keepOccurrences = true)
{
    private readonly List<LintOccurrence> _occurrences = [];
    private LintOccurrence? _first;
    private bool _sorted = true;

    public LintRule Rule { get; } = rule;

    public long Count { get; private set; }

    /// <summary>Every occurrence, earliest first; empty unless kept (<see cref="LintOptions.KeepOccurrences"/>).</summary>
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

    /// <summary>The earliest occurrence.</summary>
    public LintOccurrence First => keepOccurrences ? Occurrences[0] : _first!;

    internal void Add(LintOccurrence occurrence)
    {
        Count++;
        if (_first is null || occurrence.At < _first.At)
        {
            _first = occurrence;
        }
        if (keepOccurrences)
        {
            _sorted &= _occurrences.Count == 0 || _occurrences[^1].At <= occurrence.At;
            _occurrences.Add(occurrence);
        }
    }
}
