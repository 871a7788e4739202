using Ari.Testing;
using Ari.Wire;

namespace Ari.Cli.Tests;

/// <summary>The memory between a live tap and a view that has fallen behind (<c>ari run --backlog</c>).</summary>
public sealed class LiveBacklogTests
{
    private const int Limit = 256 * 1024;
    private const int Chunk = 64 * 1024;

    [Fact]
    public async Task Reading_stops_at_the_limit_until_the_view_catches_up_and_then_everything_comes_out_in_order()
    {
        var program = new CountingSource(length: 16 * Limit);
        await using var backlog = LiveBacklog.Start(program, Limit);

        // Nobody reads the backlog: it takes what the limit allows, then leaves the rest to wait.
        var settled = await Settled(() => program.Taken, atLeast: Limit);
        var shown = new MemoryStream();
        await backlog.CopyToAsync(shown);

        Assert.InRange(settled, Limit, Limit + Chunk);
        Assert.Equal(program.Length, shown.Length);
        Assert.True(shown.ToArray().Select((value, at) => value == CountingSource.ByteAt(at)).All(same => same), "bytes out of order");
    }

    [Theory]
    [InlineData("65536", 65_536)]
    [InlineData("64KiB", 65_536)]
    [InlineData("256 MiB", 268_435_456)]
    [InlineData("2gib", 2_147_483_648)]
    [InlineData("500MB", 500_000_000)]
    [InlineData("1B", 1)]
    public void Sizes_are_read_as_duckdb_reads_its_memory_limit(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-1MiB")]
    [InlineData("1.5GiB")]
    [InlineData("99999999999GiB")]
    public void Anything_else_is_not_a_size(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Fact]
    public void Ari_run_says_which_backlog_is_not_a_size()
    {
        var run = InProcessAri.Run("run", "--backlog", "lots", "--", Examples.Binary("spinner"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--backlog: 'lots' is not a size", run.Stderr);
    }

    /// <summary>
    /// The value once it has reached <paramref name="atLeast"/> and then stayed the same for half a second
    /// (or after a minute): however slowly a busy machine gets there, the wait is for the value, and only
    /// what comes after it (a backlog that should have stopped) is given a time to show.
    /// </summary>
    private static async Task<long> Settled(Func<long> value, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var last = value();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(last < atLeast ? 50 : 500);
            var now = value();
            if (now == last && now >= atLeast)
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    /// <summary>A program's stream of known bytes that counts how much of it has been taken.</summary>
    private sealed class CountingSource(long length) : ForwardReadStream
    {
        private long _taken;

        public long Taken => Interlocked.Read(ref _taken);

        public override long Length => length;

        public static byte ByteAt(long offset) => (byte)(offset % 251);

        public override int Read(Span<byte> buffer)
        {
            var start = Taken;
            var count = (int)Math.Min(buffer.Length, length - start);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = ByteAt(start + i);
            }
            Interlocked.Add(ref _taken, count);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override long Position { get => Taken; set => throw new NotSupportedException(); }
    }
}
