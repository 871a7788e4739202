using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>Builds every <see cref="WireFormatException"/> in one place, so messages share one shape and hot paths stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn, StackTraceHidden]
    public static void ThrowNotAri() =>
        throw new WireFormatException("not an ari recording (expected ARITAP at byte 0)", 0, null);

    [DoesNotReturn, StackTraceHidden]
    public static void ThrowUnsupportedVersion(byte found) =>
        throw new WireFormatException(
            $"unsupported ari wire format version {found} at byte 6 (this reader supports version {WireFormat.Version})", 6, null);

    /// <summary>A problem with a frame as a whole, before its kind is known.</summary>
    [DoesNotReturn, StackTraceHidden]
    public static void ThrowBadFrame(long offset, long recordNumber, string problem) =>
        throw new WireFormatException($"damaged ari stream at byte {offset} (record {recordNumber}): {problem}", offset, recordNumber);

    /// <summary>A problem inside the body of a frame of a known kind.</summary>
    [DoesNotReturn, StackTraceHidden]
    public static void ThrowBadBody(long offset, long recordNumber, RecordKind kind, long frameOffset, string problem) =>
        throw new WireFormatException(
            $"damaged ari stream at byte {offset} (record {recordNumber}, {kind} at byte {frameOffset}): {problem}", offset, recordNumber);
}
