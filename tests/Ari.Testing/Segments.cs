using System.Buffers;

namespace Ari.Testing;

/// <summary>Builds a <see cref="ReadOnlySequence{T}"/> over separate arrays, as a pipe hands out split buffers.</summary>
public sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Splits <paramref name="data"/> at the given ascending positions; each piece is copied to its own array.</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        var first = new Segments(data.AsSpan(0, cuts.Length > 0 ? cuts[0] : data.Length).ToArray(), 0);
        Segments last = first;
        for (int i = 0; i < cuts.Length; i++)
        {
            int end = i + 1 < cuts.Length ? cuts[i + 1] : data.Length;
            var next = new Segments(data.AsSpan(cuts[i], end - cuts[i]).ToArray(), cuts[i]);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlySequence<byte> OneByteEach(byte[] data) =>
        Split(data, Enumerable.Range(1, Math.Max(0, data.Length - 1)).ToArray());
}
