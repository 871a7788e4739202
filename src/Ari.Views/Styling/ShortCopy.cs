using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ari.Views.Styling;

/// <summary>
/// Copies of a few bytes without a call. A line is laid out and written in a few dozen copies of a few
/// bytes each (a word, a separator, an escape sequence), and <see cref="Span{T}.CopyTo"/> is a call into
/// the runtime's general copy for each: on the ANSI view that call was a tenth of the samples.
/// </summary>
internal static class ShortCopy
{
    /// <summary>Copies <paramref name="source"/> to the start of <paramref name="destination"/>, which must be at least as long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyTo(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var length = source.Length;
        if (length is < 4 or > 16 || destination.Length < length)
        {
            source.CopyTo(destination);
            return;
        }

        // Two loads, then two stores, that overlap in the middle: every length from 4 to 16, and safe when
        // the two spans overlap, as Span.CopyTo is.
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        if (length >= 8)
        {
            var head = Unsafe.ReadUnaligned<ulong>(ref from);
            var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - 8));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), tail);
        }
        else
        {
            var head = Unsafe.ReadUnaligned<uint>(ref from);
            var tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), tail);
        }
    }
}
