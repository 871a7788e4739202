namespace Ari.Views;

/// <summary>
/// Writes a view's timestamps (<see cref="Timestamps"/>), keeping the last one's text: consecutive
/// entries almost always fall in the same second, so most lines write only the six digits of the
/// microseconds instead of working out the date and time again.
/// </summary>
internal sealed class TimestampCache
{
    private const int FractionStart = 20;

    private readonly byte[] _text = new byte[Timestamps.Length];
    private long _second = -1;

    public void Write(DateTime utc, Span<byte> destination)
    {
        var second = utc.Ticks / TimeSpan.TicksPerSecond;
        if (second != _second)
        {
            Timestamps.WriteRfc3339(utc, _text);
            _second = second;
        }
        else
        {
            Timestamps.Digits(_text.AsSpan(FractionStart, 6), (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10));
        }
        _text.CopyTo(destination);
    }
}
