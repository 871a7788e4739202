using CsCheck;

namespace Ari.Fuzz.Tests;

/// <summary>Ways to damage a real recording, as a disk, a network or a hostile hand would.</summary>
internal static class Mutation
{
    private static readonly byte[] Boundaries = [0, 0x7F, 0x80, 0xFF];

    /// <summary>A recording (picked from <paramref name="seeds"/>) with one to eight mutations applied.</summary>
    public static Gen<byte[]> Of(byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], One(seeds).Array[1, 8])
            .Select((seed, mutations) => mutations.Aggregate(seeds[seed], (bytes, mutate) => mutate(bytes)));

    private static Gen<Func<byte[], byte[]>> One(byte[][] seeds) => Gen.OneOf(
        // A flipped bit.
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 7]).Select((at, bit) => (Func<byte[], byte[]>)(b => Edit(b, at, (copy, i) => copy[i] ^= (byte)(1 << bit)))),
        // A byte replaced, often by a boundary value.
        Gen.Select(Gen.Double[0, 1], Gen.OneOf(Gen.Int[0, 3].Select(i => Boundaries[i]), Gen.Byte)).Select((at, value) => (Func<byte[], byte[]>)(b => Edit(b, at, (copy, i) => copy[i] = value))),
        // Random bytes inserted.
        Gen.Select(Gen.Double[0, 1], Gen.Byte.Array[1, 32]).Select((at, junk) => (Func<byte[], byte[]>)(b => Insert(b, at, junk))),
        // A range deleted.
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 64]).Select((at, length) => (Func<byte[], byte[]>)(b => Delete(b, at, length))),
        // Cut short.
        Gen.Double[0, 1].Select(at => (Func<byte[], byte[]>)(b => b[..(int)(at * b.Length)])),
        // A range repeated (a frame replayed, a batch duplicated).
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 256]).Select((at, length) => (Func<byte[], byte[]>)(b => Repeat(b, at, length))),
        // Another recording's tail spliced in (IDs, callsites and threads that do not match).
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, seeds.Length - 1], Gen.Double[0, 1]).Select((at, other, from) =>
            (Func<byte[], byte[]>)(b => [.. b[..(int)(at * b.Length)], .. seeds[other][Math.Max(8, (int)(from * seeds[other].Length))..]])));

    private static byte[] Edit(byte[] bytes, double at, Action<byte[], int> edit)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }
        var copy = (byte[])bytes.Clone();
        edit(copy, (int)(at * (bytes.Length - 1)));
        return copy;
    }

    private static byte[] Insert(byte[] bytes, double at, byte[] junk)
    {
        var i = (int)(at * bytes.Length);
        return [.. bytes[..i], .. junk, .. bytes[i..]];
    }

    private static byte[] Delete(byte[] bytes, double at, int length)
    {
        var i = (int)(at * bytes.Length);
        return [.. bytes[..i], .. bytes[Math.Min(bytes.Length, i + length)..]];
    }

    private static byte[] Repeat(byte[] bytes, double at, int length)
    {
        var i = (int)(at * bytes.Length);
        var range = bytes[i..Math.Min(bytes.Length, i + length)];
        return [.. bytes[..i], .. range, .. range, .. bytes[i..]];
    }
}
