using System.Buffers;
using System.Runtime.ExceptionServices;

namespace Ari.Wire;

/// <summary>
/// Reads a recording from a file or a socket and yields its records in sequence order: a
/// <see cref="WireDecoder"/> feeding a <see cref="SequenceMerger"/>, on a thread of their own. One source
/// is read once, with <see cref="ReadItems"/>, which <see cref="StartReading"/> may begin earlier; a live stream's reads return
/// whatever has arrived, and <see cref="Idle"/> says when all of it has been handed out. When reading
/// ends, <see cref="Truncation"/> and
/// <see cref="StreamEndSeen"/> say how the stream ended. Damaged data ends reading with a
/// <see cref="WireFormatException"/>, thrown after every record decoded before the damage has been yielded.
/// </summary>
public sealed class RecordSource : IDisposable
{
    private const int ReadSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly WireDecoder _decoder = new();
    private readonly SequenceMerger _merger = new();
    private ExceptionDispatchInfo? _failure;
    private ReadAhead<ReleasedSlots>? _readAhead;
    private bool _itemsTaken;

    public RecordSource(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Where the stream was cut, once reading has ended; null when it ended after a whole frame.</summary>
    public Truncation? Truncation { get; private set; }

    /// <summary>
    /// Raised on the reading thread when it has taken every record decoded so far and is about to wait
    /// for more: a live view flushes its output then.
    /// </summary>
    public event Action? Idle;

    public bool StreamEndSeen => _decoder.StreamEndSeen;

    public long BytesConsumed => _decoder.BytesConsumed;

    /// <inheritdoc cref="SequenceMerger.LateCount"/>
    public long LateCount => _merger.LateCount;

    /// <summary>
    /// Whether the reader of <see cref="ReadItems"/> can take the next stretch of records without waiting
    /// for the stream: one has been released, or reading has ended. A stretch released by a watermark
    /// ends with that watermark, so one that holds no record is never the last one ready.
    /// </summary>
    public bool HasReleasedReady => _readAhead is { } readAhead && readAhead.HasItemReady;

    /// <summary>Opens a recording for reading; it may still be being written, so writers are not shut out.</summary>
    public static RecordSource OpenFile(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan));

    /// <summary>
    /// The records in sequence order, each callback record without an object of its own. Reading, decoding
    /// and merging run on a thread of their own, ahead of the caller (<see cref="ReadAhead"/>), which
    /// receives released records a stretch of slots at a time (<see cref="ReleasedSlots"/>). Their values
    /// stay encoded until someone reads them (<see cref="FieldValues"/>).
    /// </summary>
    public ReleasedItems ReadItems()
    {
        if (_itemsTaken)
        {
            throw new InvalidOperationException("a RecordSource is read once");
        }

        _itemsTaken = true;
        StartReading();
        return new(_readAhead!.Items());
    }

    /// <summary>
    /// Starts reading, decoding and merging now, on the read-ahead thread, for <see cref="ReadItems"/> to
    /// take. The merger holds every record until the recording's first watermark, which can be a megabyte
    /// in, so a caller that starts reading before it sets up what consumes the records (a view and its
    /// output) has its first records sooner.
    /// </summary>
    public void StartReading() => _readAhead ??= new ReadAhead<ReleasedSlots>(DecodeReleased(), () => Idle?.Invoke());

    /// <summary>Reads and decodes the stream, handing over the merger's released records after each read.</summary>
    private IEnumerable<ReleasedSlots> DecodeReleased()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        int start = 0;
        int end = 0;
        try
        {
            while (true)
            {
                MakeRoom(ref buffer, ref start, ref end);
                int read = _stream.Read(buffer, end, buffer.Length - end);
                end += read;
                var sequence = new ReadOnlySequence<byte>(buffer, start, end - start);
                Decode(ref sequence);
                start = end - (int)sequence.Length;
                if (read == 0)
                {
                    Finish(end - start);
                }

                while (_merger.TryTakeReleased(out ReleasedSlots? released))
                {
                    yield return released;
                }

                _failure?.Throw();
                if (read == 0)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }

        // After the stream, which ends a read the read-ahead thread may be waiting in.
        _readAhead?.Dispose();
    }

    private void Decode(ref ReadOnlySequence<byte> buffer)
    {
        try
        {
            _decoder.ReadInto(ref buffer, _merger);
        }
        catch (WireFormatException e)
        {
            // Keep the error until the records before it are out, so a viewer shows everything up to the damage.
            _failure = ExceptionDispatchInfo.Capture(e);
            _merger.Complete();
        }
    }

    private void Finish(long unread)
    {
        Truncation = _decoder.Complete(unread);
        _merger.Complete();
    }

    /// <summary>Moves the unread tail to the front, and grows the buffer when one frame is larger than it.</summary>
    private static void MakeRoom(ref byte[] buffer, ref int start, ref int end)
    {
        if (end < buffer.Length)
        {
            return;
        }

        int tail = end - start;
        if (tail == buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(start, tail).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        else
        {
            buffer.AsSpan(start, tail).CopyTo(buffer);
        }

        start = 0;
        end = tail;
    }
}
