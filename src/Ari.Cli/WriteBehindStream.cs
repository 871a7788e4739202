using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ari.Cli;

/// <summary>
/// An output written on a thread of its own. Writing a view to a file costs the kernel about as much time
/// as reading and rendering it, so the caller's bytes are gathered into chunks and a writer thread hands
/// them to the output while the caller renders on. Bounded: when <see cref="ChunksWaiting"/> chunks wait,
/// the caller waits for the writer (output is never dropped). A write that fails (a closed pipe) is thrown
/// to the caller at its next hand-over or flush, as the output's own exception.
/// </summary>
internal sealed class WriteBehindStream : Stream
{
    private const int ChunkBytes = 256 * 1024;
    private const int ChunksWaiting = 8;

    private readonly Stream _output;
    private readonly BlockingCollection<(byte[] Chunk, int Length)> _waiting = new(ChunksWaiting);
    private readonly ConcurrentBag<byte[]> _spare = [];
    private readonly Thread _writer;
    private readonly object _progress = new();
    private byte[] _chunk = new byte[ChunkBytes];
    private int _filled;
    private int _unwritten;
    private Exception? _failure;
    private bool _disposed;

    public WriteBehindStream(Stream output)
    {
        _output = output;
        _writer = new Thread(WriteChunks) { IsBackground = true, Name = "ari output" };
        _writer.Start();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var room = _chunk.Length - _filled;
            var part = Math.Min(room, buffer.Length);
            buffer[..part].CopyTo(_chunk.AsSpan(_filled));
            _filled += part;
            buffer = buffer[part..];
            if (_filled == _chunk.Length)
            {
                HandOver();
            }
        }
    }

    /// <summary>Waits until the output has every byte written so far, then flushes it.</summary>
    public override void Flush()
    {
        HandOver();
        lock (_progress)
        {
            while (_unwritten > 0 && _failure is null)
            {
                Monitor.Wait(_progress);
            }
        }
        ThrowIfFailed();
        _output.Flush();
    }

    private void HandOver()
    {
        ThrowIfFailed();
        if (_filled == 0)
        {
            return;
        }
        lock (_progress)
        {
            _unwritten++;
        }
        _waiting.Add((_chunk, _filled));
        _chunk = _spare.TryTake(out var spare) ? spare : new byte[ChunkBytes];
        _filled = 0;
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private void WriteChunks()
    {
        foreach (var (chunk, length) in _waiting.GetConsumingEnumerable())
        {
            // After a failure the rest is dropped unwritten, so that a caller waiting for room goes on to see it.
            if (Volatile.Read(ref _failure) is null)
            {
                try
                {
                    _output.Write(chunk, 0, length);
                }
                catch (Exception e)
                {
                    Volatile.Write(ref _failure, e);
                }
            }
            _spare.Add(chunk);
            lock (_progress)
            {
                _unwritten--;
                Monitor.PulseAll(_progress);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                Flush();
            }
            finally
            {
                _waiting.CompleteAdding();
                _writer.Join();
                _waiting.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
