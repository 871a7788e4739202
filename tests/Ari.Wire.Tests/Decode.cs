using System.Buffers;

namespace Ari.Wire.Tests;

/// <summary>Drives a <see cref="WireDecoder"/> the way a pipe reader does.</summary>
internal static class Decode
{
    /// <summary>Decodes all of <paramref name="input"/> in one call, then ends the input.</summary>
    public static (List<WireRecord> Records, Truncation? Truncation, WireDecoder Decoder) All(ReadOnlySequence<byte> input)
    {
        var decoder = new WireDecoder();
        var records = new List<WireRecord>();
        while (decoder.TryRead(ref input, out WireRecord? record))
        {
            records.Add(record);
        }

        return (records, decoder.Complete(input.Length), decoder);
    }

    public static (List<WireRecord> Records, Truncation? Truncation, WireDecoder Decoder) All(byte[] input) =>
        All(new ReadOnlySequence<byte>(input));

    /// <summary>
    /// Feeds <paramref name="input"/> <paramref name="chunk"/> bytes at a time, keeping the unread tail
    /// between calls exactly as a caller of a pipe does: this exercises resuming across calls.
    /// </summary>
    public static (List<WireRecord> Records, Truncation? Truncation) InChunks(byte[] input, int chunk)
    {
        var decoder = new WireDecoder();
        var records = new List<WireRecord>();
        int unreadStart = 0;
        for (int arrived = Math.Min(chunk, input.Length); ; arrived = Math.Min(arrived + chunk, input.Length))
        {
            var buffer = new ReadOnlySequence<byte>(input, unreadStart, arrived - unreadStart);
            while (decoder.TryRead(ref buffer, out WireRecord? record))
            {
                records.Add(record);
            }

            unreadStart = arrived - (int)buffer.Length;
            Assert.Equal(unreadStart, decoder.BytesConsumed);
            if (arrived == input.Length)
            {
                return (records, decoder.Complete(buffer.Length));
            }
        }
    }
}
