using System.Runtime.ExceptionServices;
using Ari.Views;

namespace Ari.Cli;

/// <summary>
/// An output written on a thread of its own. Writing a view to a file costs the kernel about as much time
/// as reading and rendering it, so the caller's bytes are gathered into chunks and a writer thread hands
/// them to the output while the caller renders on; a caller that gathers bytes in an array of its own hands
/// the whole array over (<see cref="IArrayOutput"/>) and is given a written one back. Bounded: when
/// <see cref="ChunksWaiting"/> arrays wait, the caller waits for the writer (output is never dropped). A
/// write that fails (a closed pipe) is thrown to the caller at its next hand-over or flush, as the output's
/// own exception. The queue is two arrays under a lock rather than a concurrent collection of tuples, whose
/// generic code the runtime compiles at start-up (ari's own code is compiled ahead of time).
/// </summary>
internal sealed class WriteBehindStream : Stream, IArrayOutput
{
    private const int ChunkBytes = 256 * 1024;
    private const int ChunksWaiting = 8;

    private readonly Stream _output;
    private readonly Thread _writer;

    /// <summary>Guards the queue, the spares and the writer's state, and is pulsed whenever any of them changes.</summary>
    private readonly object _gate = new();
    private readonly byte[]?[] _waiting = new byte[ChunksWaiting][];
    private readonly int[] _waitingLengths = new int[ChunksWaiting];
    private int _firstWaiting;
    private int _waitingCount;
    private bool _writing;
    private bool _completed;
    private readonly byte[]?[] _spares = new byte[ChunksWaiting + 2][];
    private int _spareCount;

    private byte[] _chunk = new byte[ChunkBytes];
    private int _filled;
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
                HandOverChunk();
            }
        }
    }

    public byte[] HandOver(byte[] filled, int length)
    {
        HandOverChunk();
        Enqueue(filled, length);
        return TakeSpare(filled.Length);
    }

    /// <summary>Waits until the output has every byte written so far, then flushes it.</summary>
    public override void Flush()
    {
        HandOverChunk();
        lock (_gate)
        {
            while ((_waitingCount > 0 || _writing) && _failure is null)
            {
                Monitor.Wait(_gate);
            }
        }
        ThrowIfFailed();
        _output.Flush();
    }

    private void HandOverChunk()
    {
        ThrowIfFailed();
        if (_filled == 0)
        {
            return;
        }
        Enqueue(_chunk, _filled);
        _chunk = TakeSpare(ChunkBytes);
        _filled = 0;
    }

    private void Enqueue(byte[] array, int length)
    {
        lock (_gate)
        {
            while (_waitingCount == ChunksWaiting && _failure is null)
            {
                Monitor.Wait(_gate);
            }
            if (_failure is null)
            {
                var at = (_firstWaiting + _waitingCount) % ChunksWaiting;
                _waiting[at] = array;
                _waitingLengths[at] = length;
                _waitingCount++;
                Monitor.PulseAll(_gate);
            }
        }
        ThrowIfFailed();
    }

    /// <summary>A written array of at least <paramref name="bytes"/> to fill again, or a new one.</summary>
    private byte[] TakeSpare(int bytes)
    {
        lock (_gate)
        {
            if (_spareCount > 0)
            {
                var spare = _spares[--_spareCount]!;
                _spares[_spareCount] = null;
                if (spare.Length >= bytes)
                {
                    return spare;
                }
            }
        }
        return new byte[bytes];
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
        while (TakeWaiting(out var array, out var length))
        {
            // After a failure nothing more is written; the caller sees the failure at its next hand-over or flush.
            if (Volatile.Read(ref _failure) is null)
            {
                try
                {
                    _output.Write(array, 0, length);
                }
                catch (Exception e)
                {
                    Volatile.Write(ref _failure, e);
                }
            }
            lock (_gate)
            {
                _writing = false;
                if (_spareCount < _spares.Length)
                {
                    _spares[_spareCount++] = array;
                }
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The next array to write, waiting for one; false once the stream is disposed and nothing waits.</summary>
    private bool TakeWaiting(out byte[] array, out int length)
    {
        lock (_gate)
        {
            while (_waitingCount == 0 && !_completed)
            {
                Monitor.Wait(_gate);
            }
            if (_waitingCount == 0)
            {
                array = [];
                length = 0;
                return false;
            }
            array = _waiting[_firstWaiting]!;
            length = _waitingLengths[_firstWaiting];
            _waiting[_firstWaiting] = null;
            _firstWaiting = (_firstWaiting + 1) % ChunksWaiting;
            _waitingCount--;
            _writing = true;
            Monitor.PulseAll(_gate);
            return true;
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
                lock (_gate)
                {
                    _completed = true;
                    Monitor.PulseAll(_gate);
                }
                _writer.Join();
            }
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
