using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ari.Cli;

/// <summary>
/// Where a live program's tap connects: a Unix socket in a directory only this user can enter (0700),
/// or a loopback TCP port. Anything else would let other machines feed, or read, the stream.
/// </summary>
internal sealed class TapListener : IDisposable
{
    private readonly Socket _socket;
    private readonly string? _directory;

    private TapListener(Socket socket, string destination, string? directory)
    {
        _socket = socket;
        Destination = destination;
        _directory = directory;
    }

    /// <summary>The value for <c>ARI_TAP</c>.</summary>
    public string Destination { get; }

    public static TapListener OnUnixSocket()
    {
        // CreateTempSubdirectory makes it 0700 on Unix: only this user can reach the socket.
        var directory = Directory.CreateTempSubdirectory("ari-run-").FullName;
        var path = Path.Combine(directory, "tap.sock");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(1);
        return new TapListener(socket, $"unix:{path}", directory);
    }

    /// <summary>Listens on <paramref name="address"/> (<c>IP:PORT</c>, port 0 for any free one), which must be loopback.</summary>
    public static TapListener OnTcp(string address)
    {
        if (!IPEndPoint.TryParse(address, out var endpoint))
        {
            throw new UserError($"--listen {address}: expected IP:PORT, e.g. 127.0.0.1:0");
        }
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            throw new UserError($"--listen {address}: ari only listens on loopback (127.0.0.0/8 or ::1); the stream would be open to other machines");
        }
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new UserError($"--listen {address}: {e.Message}");
        }
        socket.Listen(1);
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        return new TapListener(socket, $"tcp:{bound}", null);
    }

    /// <summary>
    /// How long an accept already under way when the program ended may take to complete before ari
    /// decides the program never connected: the connection left the queue, its task is not done yet.
    /// </summary>
    private static readonly TimeSpan AcceptAfterEnd = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The program's connection, or null when <paramref name="program"/> ended without making one. A quick
    /// program can connect, send all it has and end before ari has seen the accept (a busy machine runs
    /// ari's threads late): a connection waiting in the queue, or being accepted, when the program ends is
    /// still taken, and with it everything the program sent.
    /// </summary>
    public async Task<Socket?> AcceptFromAsync(Process program)
    {
        using var stop = new CancellationTokenSource();
        var accepted = _socket.AcceptAsync(stop.Token).AsTask();
        if (await Task.WhenAny(accepted, program.WaitForExitAsync()) == accepted || _socket.Poll(0, SelectMode.SelectRead)
            || await Task.WhenAny(accepted, Task.Delay(AcceptAfterEnd)) == accepted)
        {
            return await accepted;
        }
        await stop.CancelAsync();
        return null;
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
