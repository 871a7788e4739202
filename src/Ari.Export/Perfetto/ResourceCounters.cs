using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// Which counter a resource attribute's value goes to, so that the counter tracks stay few as the task
/// lanes do: the bench recording's 20,000 oneshot channels made 80,000 counters. The first
/// <see cref="DefaultOwnCounters"/> resources and async ops with a numeric state update get a counter per
/// attribute (<c>Sender|Receiver[2] tx_dropped</c>); later ones add into one counter per type and attribute,
/// the sum over those alive (<c>Sender|Receiver tx_dropped (sum …)</c>: how many have it set, for a flag),
/// which a resource leaves, with its async ops, when it closes.
/// </summary>
internal sealed class ResourceCounters(int ownCounters = ResourceCounters.DefaultOwnCounters)
{
    public const int DefaultOwnCounters = 64;

    private readonly HashSet<object> _own = new(ReferenceEqualityComparer.Instance);

    /// <summary>The summed owners' latest values, by counter name.</summary>
    private readonly Dictionary<object, Dictionary<string, double>> _summed = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<string, double> _sums = [];

    /// <summary>The counter an update goes to, and its value there.</summary>
    public (string Name, double Value) Update(StateUpdate update, double value)
    {
        object owner = (object?)update.AsyncOp ?? update.Owner;
        if (_own.Contains(owner) || (!_summed.ContainsKey(owner) && _own.Count < ownCounters && _own.Add(owner)))
        {
            return ($"{owner} {update.Attribute}", value);
        }
        if (!_summed.TryGetValue(owner, out var values))
        {
            _summed[owner] = values = [];
        }
        var type = update.AsyncOp?.Source ?? update.Owner.ConcreteType;
        var name = $"{type} {update.Attribute} (sum over those past the first {ownCounters})";
        var sum = _sums.GetValueOrDefault(name) - values.GetValueOrDefault(name) + value;
        values[name] = value;
        _sums[name] = sum;
        return (name, sum);
    }

    /// <summary>A resource closed: its values and its async ops' leave their sums. Returns the sums changed.</summary>
    public List<(string Name, double Value)> Ended(ResourceSpan resource)
    {
        var changed = new List<(string, double)>();
        foreach (var owner in resource.AsyncOps.Cast<object>().Prepend(resource))
        {
            if (_summed.Remove(owner, out var values))
            {
                foreach (var (name, value) in values)
                {
                    _sums[name] -= value;
                    changed.Add((name, _sums[name]));
                }
            }
        }
        return changed;
    }
}
