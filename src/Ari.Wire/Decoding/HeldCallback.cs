using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ari.Wire;

/// <summary>
/// A callback record as the <see cref="SequenceMerger"/> holds it: every field but its values, which stay
/// encoded (already checked) in the holder's byte store, <see cref="ValuesLength"/> bytes right after the
/// values of the record before it, until the record is handed on. It holds no references, so the records
/// a merger holds are plain bytes to the garbage collector: nothing to trace, nothing promoted.
/// A stream record waiting in the merger's ready queue is an entry of its kind with no fields.
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
    int FieldCount = 0)
{
    public bool IsStream => Kind < RecordKind.NewSpan;

    public static HeldCallback ForStream(RecordKind kind) => new(kind, default, 0, 0, 0, 0, 0, 0, 0);

    public static HeldCallback From(in WireItem item, int valuesLength)
    {
        // An explicit parent's ID rides in OtherId: no kind has both.
        ulong other = item.Kind is RecordKind.NewSpan or RecordKind.Event ? item.Parent.Id : item.OtherId;
        return new(item.Kind, item.Parent.Kind, item.ThreadIndex, item.CallsiteIndex, item.Offset, item.Sequence, item.Timestamp, item.SpanId, other, valuesLength, item.Values.Count);
    }

    /// <summary>The record as the reader hands it on, with a copy of its values, still <paramref name="encoded"/>.</summary>
    public WireItem ToItem(ReadOnlySpan<byte> encoded) =>
        WireItem.Callback(Kind, Offset, Sequence, Timestamp, ThreadIndex, SpanId, OtherId, CallsiteIndex, ParentKind, FieldValues.Encoded(encoded, FieldCount));
}
