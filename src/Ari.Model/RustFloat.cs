using System.Globalization;

namespace Ari.Model;

/// <summary>Floating-point values written as Rust's <c>Debug</c> writes them.</summary>
public static class RustFloat
{
    /// <summary>Enough for any f64 in Rust's Debug form (17 digits, a point, zeros up to 1e16 or down to 1e-4).</summary>
    public const int MaxLength = 32;

    public static string NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";

    /// <summary>
    /// Rust's <c>{:?}</c> for f64: the shortest digits that read back to the same value; plain
    /// decimal with at least one fractional digit when 1e-4 ≤ |x| &lt; 1e16 (<c>1.0</c>, <c>0.25</c>),
    /// otherwise exponent form without a plus sign or padding (<c>1e16</c>, <c>1.5e-7</c>).
    /// </summary>
    public static int FormatDebug(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            var text = NonFinite(value);
            for (var i = 0; i < text.Length; i++)
            {
                destination[i] = (byte)text[i];
            }
            return text.Length;
        }

        Span<char> shortest = stackalloc char[32];
        value.TryFormat(shortest, out var length, "R", CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[20];
        var count = ShortestDigits(shortest[..length], digits, out var exponent, out var negative);

        var at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }
        var magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16))
        {
            at += Decimal(digits[..count], exponent, destination[at..]);
        }
        else
        {
            at += Scientific(digits[..count], exponent, destination[at..]);
        }
        return at;
    }

    /// <summary>Splits .NET's shortest round-trip text into digits d1d2… and an exponent e, value = 0.d1d2… × 10^e.</summary>
    private static int ShortestDigits(ReadOnlySpan<char> text, Span<byte> digits, out int exponent, out bool negative)
    {
        negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }
        var e = text.IndexOfAny('E', 'e');
        var power = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var count = 0;
        var beforePoint = 0;
        var seenPoint = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                seenPoint = true;
                continue;
            }
            if (count == 0 && c == '0')
            {
                // Leading zeros before the point say nothing; after it they shift the exponent.
                if (seenPoint)
                {
                    beforePoint--;
                }
                continue;
            }
            digits[count++] = (byte)c;
            if (!seenPoint)
            {
                beforePoint++;
            }
        }
        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }
        if (count == 0)
        {
            digits[count++] = (byte)'0';
            beforePoint = 1;
        }
        exponent = beforePoint + power;
        return count;
    }

    private static int Decimal(ReadOnlySpan<byte> digits, int exponent, Span<byte> destination)
    {
        var at = 0;
        if (exponent <= 0)
        {
            destination[at++] = (byte)'0';
            destination[at++] = (byte)'.';
            for (var i = 0; i < -exponent; i++)
            {
                destination[at++] = (byte)'0';
            }
            digits.CopyTo(destination[at..]);
            return at + digits.Length;
        }
        for (var i = 0; i < exponent; i++)
        {
            destination[at++] = i < digits.Length ? digits[i] : (byte)'0';
        }
        destination[at++] = (byte)'.';
        if (exponent >= digits.Length)
        {
            destination[at++] = (byte)'0';
            return at;
        }
        digits[exponent..].CopyTo(destination[at..]);
        return at + digits.Length - exponent;
    }

    private static int Scientific(ReadOnlySpan<byte> digits, int exponent, Span<byte> destination)
    {
        var at = 0;
        destination[at++] = digits[0];
        if (digits.Length > 1)
        {
            destination[at++] = (byte)'.';
            digits[1..].CopyTo(destination[at..]);
            at += digits.Length - 1;
        }
        destination[at++] = (byte)'e';
        (exponent - 1).TryFormat(destination[at..], out var written, default, CultureInfo.InvariantCulture);
        return at + written;
    }
}
