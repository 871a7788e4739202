namespace Ari.Cli.Tests;

/// <summary><c>ari show</c>'s output, written on a thread of its own while the view renders on.</summary>
public sealed class WriteBehindStreamTests
{
    [Fact]
    public void Every_byte_comes_out_in_order_however_it_was_cut()
    {
        var expected = Enumerable.Range(0, 3_000_000).Select(at => (byte)(at * 7 % 251)).ToArray();
        var output = new MemoryStream();
        using (var stream = new WriteBehindStream(output))
        {
            var at = 0;
            foreach (var size in Sizes())
            {
                var part = Math.Min(size, expected.Length - at);
                stream.Write(expected.AsSpan(at, part));
                at += part;
                if (at == expected.Length)
                {
                    break;
                }
            }
        }

        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void Arrays_handed_over_come_out_in_order_with_the_bytes_written_around_them()
    {
        var expected = new List<byte>();
        var output = new MemoryStream();
        using (var stream = new WriteBehindStream(output))
        {
            var array = new byte[1000];
            for (var round = 0; round < 200; round++)
            {
                var written = Enumerable.Range(0, round * 37 % 5000).Select(at => (byte)(at + round)).ToArray();
                stream.Write(written);
                expected.AddRange(written);
                var length = Math.Min(array.Length, round * 101 % 3000);
                for (var at = 0; at < length; at++)
                {
                    array[at] = (byte)(at * 3 + round);
                }
                expected.AddRange(array.AsSpan(0, length).ToArray());
                array = stream.HandOver(array, length);
                Assert.NotEmpty(array);
            }
        }

        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void A_flush_returns_when_the_output_has_everything_written_before_it()
    {
        var output = new SlowStream();
        using var stream = new WriteBehindStream(output);
        stream.Write(new byte[700_000]);
        stream.Write("end"u8);

        stream.Flush();

        Assert.Equal(700_003, output.Length);
        Assert.Equal(1, output.Flushes);
    }

    [Fact]
    public void A_write_that_fails_is_thrown_to_the_writer_as_the_output_threw_it()
    {
        var output = new ClosedPipe();
        var stream = new WriteBehindStream(output);
        stream.Write(new byte[100]);

        var failure = Assert.Throws<IOException>(stream.Flush);
        Assert.Same(output.Failure, failure);
        // Writing on after the failure never waits for room that will not come: it fails too.
        Assert.Throws<IOException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                stream.Write(new byte[100_000]);
            }
        });
        Assert.Throws<IOException>(stream.Dispose);
    }

    /// <summary>Pieces from one byte to larger than a chunk, as renderers and a final flush write them.</summary>
    private static IEnumerable<int> Sizes()
    {
        var sizes = new[] { 1, 450, 61_440, 300_000, 3, 262_144, 262_143, 262_145 };
        for (var i = 0; ; i++)
        {
            yield return sizes[i % sizes.Length];
        }
    }

    private sealed class SlowStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(20);
            base.Write(buffer, offset, count);
        }

        public override void Flush() => Flushes++;
    }

    private sealed class ClosedPipe : MemoryStream
    {
        public IOException Failure { get; } = new("Broken pipe");

        public override void Write(byte[] buffer, int offset, int count) => throw Failure;
    }
}
