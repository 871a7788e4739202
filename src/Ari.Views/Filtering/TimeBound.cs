using System.Globalization;

namespace Ari.Views.Filtering;

/// <summary>
/// A <c>--since</c> or <c>--until</c> bound: a wall-clock time (RFC 3339) or an offset from the
/// recording's first record (<c>+1.5s</c>, <c>+250ms</c>, <c>+20us</c>, <c>+100ns</c>, <c>+2m</c>).
/// </summary>
public readonly record struct TimeBound(bool IsOffset, ulong Nanos)
{
    public static bool TryParse(string text, out TimeBound bound)
    {
        bound = default;
        if (text.StartsWith('+'))
        {
            if (!TryParseOffset(text.AsSpan(1), out var offset))
            {
                return false;
            }
            bound = new TimeBound(true, offset);
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            || time < DateTimeOffset.UnixEpoch)
        {
            return false;
        }
        bound = new TimeBound(false, (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100);
        return true;
    }

    /// <summary>
    /// The stream timestamp the bound names in a recording whose first entry is stamped
    /// <paramref name="firstTimestamp"/> and whose stream began at <paramref name="anchorUnixNanos"/>.
    /// </summary>
    public ulong StreamTimestamp(ulong firstTimestamp, ulong anchorUnixNanos) =>
        IsOffset ? firstTimestamp + Nanos : Nanos > anchorUnixNanos ? Nanos - anchorUnixNanos : 0;

    /// <summary>Where an entry stands against the bound, in the bound's terms.</summary>
    public ulong Measure(ulong unixNanos, ulong sinceFirst) => IsOffset ? sinceFirst : unixNanos;

    private static bool TryParseOffset(ReadOnlySpan<char> text, out ulong nanos)
    {
        nanos = 0;
        var unitAt = text.IndexOfAnyExcept("0123456789.");
        if (unitAt <= 0)
        {
            return false;
        }
        double scale = text[unitAt..] switch
        {
            "ns" => 1,
            "us" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => -1,
        };
        if (scale < 0 || !double.TryParse(text[..unitAt], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        nanos = (ulong)Math.Round(amount * scale);
        return true;
    }
}
