using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ari.Wire;

/// <summary>
/// A callback record as the <see cref="SequenceMerger"/> holds it: every field but its values, which stay
/// encoded (already checked), <see cref="ValuesLength"/> bytes, until the record is handed on: in a
/// <see cref="SequenceChunk"/>'s store from <see cref="ValuesStart"/>, after their count. It holds no
/// references, so the records a merger holds are plain bytes to the garbage collector: nothing to trace,
/// nothing promoted. The default value, of kind 0, is an empty slot.
/// </summary>
// Made once a frame on the reader's fast path, where the JIT left the constructor of eleven arguments
// as a call.
[StructLayout(LayoutKind.Auto)]
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
internal readonly record struct HeldCallback(
    RecordKind Kind,
    ParentKind ParentKind,
    int ThreadIndex,
    int CallsiteIndex,
    long Offset,
    ulong Sequence,
    ulong Timestamp,
    ulong SpanId,
    ulong OtherId,
    int ValuesLength = 0,
    int FieldCount = 0,
    int ValuesStart = 0)
{
    /// <summary>The record as the reader hands it on, with a copy of its values, still <paramref name="encoded"/>.</summary>
    public WireItem ToItem(ReadOnlySpan<byte> encoded) => ToItem(FieldValues.Encoded(encoded, FieldCount));

    /// <summary>The record as the reader hands it on, its values read in place from a chunk's <paramref name="store"/>.</summary>
    public WireItem ToItemInPlace(byte[] store) =>
        ToItem(FieldCount == 0 ? FieldValues.Empty : FieldValues.InPlace(store, ValuesStart, EncodedValues.Size(ValuesLength, FieldCount)));

    private WireItem ToItem(FieldValues values) =>
        WireItem.Callback(Kind, Offset, Sequence, Timestamp, ThreadIndex, SpanId, OtherId, CallsiteIndex, ParentKind, values);
}
