using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ari.Model;
using Ari.Testing;

namespace Ari.Cli.Tests;

/// <summary>
/// The traced program never suffers for its tap: whatever happens to the reader, it runs to its end
/// with its own output and exit code, and the tap says once on stderr what went wrong.
/// </summary>
public sealed class TapFaultTests
{
    private const string ChatterOutput = "chatter: {0} spans traced\n";
    private const int ChatterExitCode = 7;

    private static ProcessResult Chatter(int count, string destination, string? queue = null) =>
        Processes.Run(Examples.Binary("chatter"), [count.ToString()], new Dictionary<string, string?> { ["ARI_TAP"] = destination, ["ARI_TAP_QUEUE"] = queue });

    private static void AssertUnharmed(ProcessResult result, int count)
    {
        Assert.Equal(ChatterExitCode, result.ExitCode);
        Assert.Equal(string.Format(ChatterOutput, count), result.Stdout);
    }

    [Fact]
    public void A_refused_connection_leaves_the_program_running_without_recording()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var result = Chatter(1000, $"tcp:127.0.0.1:{closedPort}");

        AssertUnharmed(result, 1000);
        Assert.Equal($"ari-tap: cannot open tcp:127.0.0.1:{closedPort}: Connection refused (os error 111); the program runs without recording\n", result.Stderr);
    }

    [Fact]
    public void A_socket_in_a_missing_directory_leaves_the_program_running()
    {
        var result = Chatter(1000, "unix:/no/such/dir/tap.sock");

        AssertUnharmed(result, 1000);
        Assert.StartsWith("ari-tap: cannot open unix:/no/such/dir/tap.sock: No such file or directory", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_full_disk_stops_the_recording_not_the_program()
    {
        var result = Chatter(1000, "/dev/full");

        AssertUnharmed(result, 1000);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ari-tap: writing to /dev/full failed: No space left on device", lines[0]);
        Assert.Matches(@"^ari-tap: \d+ records were not recorded after writing to /dev/full failed$", lines[^1]);
    }

    [Fact]
    public async Task A_reader_that_goes_away_mid_stream_leaves_the_program_running()
    {
        using var reader = new LoopbackReader();
        var program = Task.Run(() => Chatter(200_000, reader.Destination));

        var received = await reader.ReadThenClose(bytes: 64 * 1024);
        var result = await program;

        AssertUnharmed(result, 200_000);
        Assert.Matches(@"ari-tap: writing to unix:.* failed: (Broken pipe|Connection reset by peer)", result.Stderr);
        // What arrived before the reader left is whole, valid records.
        Assert.True(Read(received).Records > 100);
    }

    [Fact]
    public async Task A_slow_reader_costs_records_not_time_and_the_loss_is_counted()
    {
        var clock = Stopwatch.StartNew();
        // About 36 MB of records, twice what the tap's queue (16 MiB) holds while the reader dawdles.
        var (result, received) = await ChatterToAReaderThatWaitsForItsEnd(400_000, queue: null);

        AssertUnharmed(result, 400_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the program took {clock.Elapsed}");
        Assert.Matches(@"ari-tap: \d+ records dropped \(\d+ batches\)", result.Stderr);
        var dropped = Read(received).Dropped;
        Assert.True(dropped is { Records: > 0 }, $"no Dropped record in the {received.Length} bytes received in {clock.Elapsed}; the tap said: {result.Stderr}");
    }

    [Fact]
    public async Task ARI_TAP_QUEUE_sets_how_far_the_reader_may_fall_behind_before_records_are_dropped()
    {
        // 10,000 spans, about 0.9 MB: the default queue (16 MiB) holds all of it while the reader
        // dawdles, and the reader then takes it well within the 5 s the exit waits for the writer; a
        // queue of one 64 KiB batch does not (nor does the socket's buffer).
        var (asDefault, _) = await ChatterToAReaderThatWaitsForItsEnd(10_000, queue: null);
        var (small, _) = await ChatterToAReaderThatWaitsForItsEnd(10_000, queue: "64KiB");

        AssertUnharmed(asDefault, 10_000);
        AssertUnharmed(small, 10_000);
        Assert.Equal("", asDefault.Stderr);
        Assert.Matches(@"ari-tap: \d+ records dropped \(\d+ batches\)", small.Stderr);
    }

    [Fact]
    public void An_ARI_TAP_QUEUE_that_is_not_a_size_is_said_and_the_default_used()
    {
        var recording = Examples.ScratchFile("bad-queue.ari");

        var result = Chatter(1000, recording, queue: "lots");

        AssertUnharmed(result, 1000);
        Assert.Equal("ari-tap: ARI_TAP_QUEUE=\"lots\" is not a size (e.g. 64MiB, 1GiB); queueing 16 MiB\n", result.Stderr);
        Assert.Equal(1000L * 5, Read(File.ReadAllBytes(recording)).Records);
    }

    /// <summary>
    /// Chatter streaming to a reader that takes nothing until the program says it has traced everything,
    /// then all of it at once: what the program said, and what the reader got. The reader dawdles until
    /// the program's work is done, not for a time, so the queue fills alike on a busy machine and an idle one.
    /// </summary>
    private static async Task<(ProcessResult Result, byte[] Received)> ChatterToAReaderThatWaitsForItsEnd(int count, string? queue)
    {
        using var reader = new LoopbackReader();
        var start = Processes.StartInfo(Examples.Binary("chatter"), [count.ToString()],
            new Dictionary<string, string?> { ["ARI_TAP"] = reader.Destination, ["ARI_TAP_QUEUE"] = queue });
        using var program = Process.Start(start)!;
        var stderr = program.StandardError.ReadToEndAsync();
        var done = program.StandardOutput.ReadLineAsync();
        var received = await reader.ReadAfter(done);
        var stdout = $"{await done}\n{await program.StandardOutput.ReadToEndAsync()}";
        await program.WaitForExitAsync();
        return (new ProcessResult(program.ExitCode, stdout, await stderr), received);
    }

    /// <summary>The stream as ari reads it; damage fails the test.</summary>
    private static RecordingEnd Read(byte[] stream)
    {
        var end = Played.Bytes(stream, IEntrySink.None);
        Assert.Null(end.Damage);
        return end;
    }

    /// <summary>A reader of the tap's stream on a private Unix socket, behaving as the test needs.</summary>
    private sealed class LoopbackReader : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("ari-fault-").FullName;
        private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        public LoopbackReader()
        {
            _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
            _listener.Listen(1);
        }

        private string SocketPath => Path.Combine(_directory, "tap.sock");

        public string Destination => $"unix:{SocketPath}";

        public async Task<byte[]> ReadThenClose(int bytes)
        {
            using var connection = await _listener.AcceptAsync();
            var buffer = new byte[bytes];
            var read = 0;
            while (read < bytes)
            {
                var n = await connection.ReceiveAsync(buffer.AsMemory(read));
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            return buffer[..read];
        }

        /// <summary>Accepts the tap's connection, reads nothing until <paramref name="start"/> ends, then reads to the stream's end.</summary>
        public async Task<byte[]> ReadAfter(Task start)
        {
            using var connection = await _listener.AcceptAsync();
            await start;
            var all = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await connection.ReceiveAsync(buffer)) > 0)
            {
                all.Write(buffer, 0, n);
            }
            return all.ToArray();
        }

        public void Dispose()
        {
            _listener.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
