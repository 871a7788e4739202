using Ari.Wire;

namespace Ari.Console.Model;

/// <summary>
/// A recording read while it is written: a read at its end waits for more rather than ending the
/// stream, until the writer is done (then the rest is read and the stream ends) or this is disposed.
/// </summary>
/// <param name="path">The recording.</param>
/// <param name="writerDone">Whether everything the writer will write is in the file.</param>
internal sealed class FollowedFile(string path, Func<bool> writerDone) : ForwardReadStream
{
    /// <summary>How often a read at the end looks again: the tap writes what it has every 20 ms.</summary>
    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
    private volatile bool _disposed;

    public override int Read(Span<byte> buffer)
    {
        while (!_disposed)
        {
            // Asked before the read: what the writer wrote before it was done is then in this read or a later one.
            var done = writerDone();
            var read = _file.Read(buffer);
            if (read > 0 || done)
            {
                return read;
            }
            Thread.Sleep(LookAgain);
        }
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
