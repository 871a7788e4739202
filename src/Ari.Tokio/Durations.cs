using System.Globalization;

namespace Ari.Tokio;

/// <summary>Nanoseconds as people read them: <c>850ns</c>, <c>12.3µs</c>, <c>4.56ms</c>, <c>1.20s</c>.</summary>
public static class Durations
{
    public static string Text(ulong nanos) => nanos switch
    {
        < 1_000 => $"{nanos}ns",
        < 1_000_000 => Format(nanos / 1e3, "µs"),
        < 1_000_000_000 => Format(nanos / 1e6, "ms"),
        _ => Format(nanos / 1e9, "s"),
    };

    private static string Format(double value, string unit) =>
        value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + unit;
}
