using System.Buffers;
using Ari.Wire;

namespace Ari.Testing;

/// <summary>
/// What the decoder makes of a recording, as text to compare: the records a merger releases and how
/// decoding ended. Read the careful way (<see cref="WireDecoder.TryRead"/>, every frame checked and placed)
/// or the fast way (<see cref="WireDecoder.ReadInto"/>, whole frames in place, the fast path first); the
/// two must agree on any input.
/// </summary>
public static class DecodedOutcome
{
    public static List<string> Of(byte[] recording, bool careful)
    {
        var decoder = new WireDecoder();
        var merger = new SequenceMerger();
        var input = new ReadOnlySequence<byte>(recording);
        var outcome = new List<string>();
        try
        {
            if (careful)
            {
                while (decoder.TryRead(ref input, out WireRecord? record))
                {
                    merger.Add(record);
                }
            }
            else
            {
                decoder.ReadInto(ref input, merger);
            }
            outcome.Add($"ended: {decoder.Complete(input.Length)}");
        }
        catch (WireFormatException e)
        {
            outcome.Add($"failed: {e.Message}");
        }
        merger.Complete();
        while (merger.TryTake(out WireRecord? record))
        {
            outcome.Add(record.ToString());
        }
        return outcome;
    }
}
