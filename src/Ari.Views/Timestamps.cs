using System.Text;

namespace Ari.Views;

/// <summary>Timestamps as every view writes them: RFC 3339, UTC, microseconds (<c>2024-01-30T15:43:24.012345Z</c>).</summary>
internal static class Timestamps
{
    /// <summary>The length of every timestamp, in characters and in UTF-8 bytes.</summary>
    public const int Length = 27;

    public static string Rfc3339(DateTime utc)
    {
        Span<byte> text = stackalloc byte[Length];
        WriteRfc3339(utc, text);
        return Encoding.ASCII.GetString(text);
    }

    /// <summary>
    /// Writes the digits by hand: every line of every view starts with a timestamp, and
    /// <c>DateTime.TryFormat</c> with a custom format parses the format on every call.
    /// Fractions are cut, not rounded, as the custom format <c>ffffff</c> does.
    /// </summary>
    public static void WriteRfc3339(DateTime utc, Span<byte> destination)
    {
        var text = destination[..Length];
        var (year, month, day) = utc;
        var time = utc.Ticks % TimeSpan.TicksPerDay;
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), (int)(time / TimeSpan.TicksPerHour));
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), (int)(time / TimeSpan.TicksPerMinute % 60));
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), (int)(time / TimeSpan.TicksPerSecond % 60));
        text[19] = (byte)'.';
        Digits(text.Slice(20, 6), (int)(time % TimeSpan.TicksPerSecond / 10));
        text[26] = (byte)'Z';
    }

    /// <summary>The value's last digits, as many as fit, zero-padded; two at a time, as every line writes six.</summary>
    public static void Digits(Span<byte> destination, int value)
    {
        var at = destination.Length;
        while (at >= 2)
        {
            var pair = 2 * (value % 100);
            value /= 100;
            at -= 2;
            destination[at] = DigitPairs[pair];
            destination[at + 1] = DigitPairs[pair + 1];
        }
        if (at == 1)
        {
            destination[0] = (byte)('0' + (value % 10));
        }
    }

    private static ReadOnlySpan<byte> DigitPairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
}
