using System.Buffers;
using Ari.Wire;

namespace Ari.Testing;

/// <summary>
/// What the decoder makes of a recording, as text to compare: the records a merger releases and how
/// decoding ended. Read whole, as a <see cref="RecordSource"/> reads (frames in place, the fast path
/// first), or carefully, a byte a segment (every frame straddles segments, so every frame is copied
/// and goes through the parser that checks everything); the two must agree on any input.
/// </summary>
public static class DecodedOutcome
{
    public static List<string> Of(byte[] recording, bool careful)
    {
        var decoder = new WireDecoder();
        var merger = new SequenceMerger();
        var input = careful ? Segments.OneByteEach(recording) : new ReadOnlySequence<byte>(recording);
        var outcome = new List<string>();
        try
        {
            decoder.ReadInto(ref input, merger);
            outcome.Add($"ended: {decoder.Complete(input.Length)}");
        }
        catch (WireFormatException e)
        {
            outcome.Add($"failed: {e.Message}");
        }
        merger.Complete();
        foreach (var item in new ReleasedItems(Released(merger)))
        {
            outcome.Add(DecodedRecords.From(item).ToString());
        }
        return outcome;
    }

    private static IEnumerable<ReleasedSlots> Released(SequenceMerger merger)
    {
        while (merger.TryTakeReleased(out var released))
        {
            yield return released;
        }
    }
}
